import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	buildLibrarySubmission,
	type LibraryButtonInput,
	type LibraryTemplate,
} from '../../domain/templateSubmission/library';
import { TEMPLATE_LANGUAGE_PATTERN } from '../../domain/rules/templates';
import { textOf } from '../../domain/values';
import { findLibraryTemplate } from '../../transport/templateLibrary';
import { submitTemplate } from '../../transport/templates';
import { updateDisplayOptions } from '../displayOptions';
import { collectionEntriesWithTemplateText, readText } from '../parameters';
import { assertNoViolations } from '../validation';
import { libraryButtonInputsField } from './descriptions/libraryButtons';
import { newTemplateLanguageField, newTemplateNameField } from './descriptions/newTemplate';

const properties: INodeProperties[] = [
	newTemplateNameField,
	{
		...newTemplateLanguageField,
		description:
			'The language of your template; the library template must exist in it. A code missing from the list can be given with an expression.',
	},
	{
		displayName: 'Library Template',
		name: 'libraryTemplate',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			"The template of WhatsApp's library to start from; its text is fixed and it is approved at once",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchLibraryTemplates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. delivery_update_1',
			},
		],
	},
	libraryButtonInputsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['submitFromLibrary'] } },
	properties,
);

/** One submission per item, one at a time: each item is its own template. */
export const runShape = 'perItem';

function readInput(entry: IDataObject): LibraryButtonInput {
	const field = (name: string) => (entry[name] === undefined ? undefined : textOf(entry[name]));
	return {
		type: textOf(entry.type),
		url: field('url'),
		urlSample: field('urlSample'),
		phoneNumber: field('phoneNumber'),
		otpType: field('otpType'),
		packageName: field('packageName'),
		signatureHash: field('signatureHash'),
		zeroTapTermsAccepted: entry.zeroTapTermsAccepted === true,
	};
}

/**
 * A template made from a library entry: the entry is looked up first (its category and the buttons
 * that need an input), the inputs are checked against it, then it is submitted. Meta approves it at
 * once (Meta "Template Library", example response `"status": "APPROVED"`).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const language = readText(this, 'language', itemIndex).trim();
	const libraryTemplateName = textOf(
		this.getNodeParameter('libraryTemplate', itemIndex, '', { extractValue: true }),
	).trim();
	// A URL keeps its variable ({{1}}) whether fixed or an expression.
	const inputs = collectionEntriesWithTemplateText(this, 'buttonInputs', 'buttonInput', itemIndex, {
		url: (index) => `Button Input ${index + 1} URL`,
	}).map(readInput);
	let library: LibraryTemplate | undefined;
	if (libraryTemplateName && TEMPLATE_LANGUAGE_PATTERN.test(language))
		library = await findLibraryTemplate.call(this, libraryTemplateName, language, itemIndex);
	const built = buildLibrarySubmission(
		{
			name: readText(this, 'name', itemIndex),
			language,
			libraryTemplateName,
			buttonInputs: inputs,
		},
		library,
	);
	assertNoViolations(this, built.violations, itemIndex, 'WhatsApp template');
	return {
		...(await submitTemplate.call(this, built.payload, itemIndex, 'APPROVED')),
		libraryTemplateName,
	};
}
