import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TEMPLATE_RULES } from '../../domain/rules/templates';
import {
	bodyVariableOrder,
	buildTemplateSubmission,
	withHeaderHandle,
	type HeaderFormat,
	type ParameterFormat,
	type TemplateButtonInput,
} from '../../domain/templateSubmission';
import { textOf } from '../../domain/values';
import { submitTemplate } from '../../transport/templates';
import { resumableUpload } from '../../transport/uploads';
import { TEMPLATE_CATEGORY_OPTIONS } from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import {
	collectionEntriesWithTemplateText,
	readBinaryFile,
	readTemplateText,
	readText,
} from '../parameters';
import { assertNoViolations } from '../validation';
import { authenticationFields } from './descriptions/authentication';
import { buttonsField } from './descriptions/buttons';
import { MEDIA_HEADERS, NOT_AUTHENTICATION } from './descriptions/categories';
import { headerFields } from './descriptions/header';
import { newTemplateLanguageField, newTemplateNameField } from './descriptions/newTemplate';

const properties: INodeProperties[] = [
	newTemplateNameField,
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		default: 'UTILITY',
		options: TEMPLATE_CATEGORY_OPTIONS,
		description: 'What the template is for; Meta checks the content against it',
	},
	newTemplateLanguageField,
	{
		displayName: 'Allow Category Change',
		name: 'allowCategoryChange',
		type: 'boolean',
		default: true,
		description:
			'Whether Meta may move the template to the category it finds right instead of rejecting it',
	},
	{
		displayName: 'Parameter Format',
		name: 'parameterFormat',
		type: 'options',
		default: 'POSITIONAL',
		options: [
			{ name: 'Positional', value: 'POSITIONAL', description: 'Variables numbered {{1}}, {{2}}…' },
			{ name: 'Named', value: 'NAMED', description: 'Variables such as {{first_name}}' },
		],
		description: 'How variables are written in the header and body',
		displayOptions: NOT_AUTHENTICATION,
	},
	...headerFields,
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		// The text editor n8n's HTML node uses: a pasted template stays fixed, so the editor can list
		// its variables for the samples below; n8n expressions in it are evaluated when submitting.
		typeOptions: { rows: 4, editor: 'htmlEditor' },
		default: '',
		required: true,
		placeholder: 'e.g. Hi {{1}}, your order {{2}} ships today.',
		hint: 'WhatsApp variables such as {{1}} are sent as written; n8n expressions such as {{ $today }} are evaluated',
		description: `The message, at most ${TEMPLATE_RULES.body.max} characters. Variables are numbered from {{1}} without gaps (or named, such as {{first_name}}), never at the very start or end, never side by side. As an expression, n8n's preview shows {{1}} as 1; the node still sends {{1}}.`,
		displayOptions: NOT_AUTHENTICATION,
	},
	{
		// Version 1: the samples as a list, in the order of the variables.
		displayName: 'Body Variable Samples',
		name: 'bodySamples',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Sample' },
		default: [],
		description:
			'One example value per body variable, in order ({{1}}, {{2}}… or the named variables as they first appear)',
		displayOptions: { ...NOT_AUTHENTICATION, show: { '@version': [1] } },
	},
	{
		// The Body as written, for the sample fields below. n8n's editor evaluates every expression of
		// the node before it asks for the fields ({{1}} in an expression Body arrives as 1), and
		// $rawParameter is the Body unevaluated. Without its `=`, so that switching the Body between
		// Fixed and Expression keeps the same value here and n8n does not clear the filled samples.
		displayName: 'Body As Written',
		name: 'bodyAsWritten',
		type: 'hidden',
		default: '={{ String($rawParameter.body ?? "").replace(/^=/, "") }}',
		displayOptions: { ...NOT_AUTHENTICATION, show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
	{
		// From version 1.1: one sample field per variable found in the Body.
		displayName: 'Body Variable Samples',
		name: 'bodyVariableSamples',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description:
			'An example value for each variable of the Body, which Meta reviews the template with. The fields follow the Body, Fixed or an expression: write a variable there and its field appears here.',
		typeOptions: {
			// Body As Written, not Body: n8n's editor would evaluate an expression Body ({{1}} becomes 1),
			// and fail on a Body whose n8n expressions need input data the editor does not have yet.
			loadOptionsDependsOn: ['bodyAsWritten', 'parameterFormat'],
			resourceMapper: {
				resourceMapperMethod: 'getBodyVariables',
				mode: 'add',
				// n8n's heading would be "Values to Send"; samples are what Meta reviews, not what is sent.
				valuesLabel: "Samples for Meta's Review",
				fieldWords: { singular: 'sample', plural: 'samples' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { ...NOT_AUTHENTICATION, show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
		description: `Optional grey line, at most ${TEMPLATE_RULES.footer.max} characters, no variables`,
		displayOptions: NOT_AUTHENTICATION,
	},
	buttonsField,
	...authenticationFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['submit'] } },
	properties,
);

/** One submission per item, one at a time: each item is its own template. */
export const runShape = 'perItem';

/** A button as the form (or an expression) gives it, every field read as text. */
function readButton(button: IDataObject): TemplateButtonInput {
	const field = (name: string) => (button[name] === undefined ? undefined : textOf(button[name]));
	return {
		type: textOf(button.type) as TemplateButtonInput['type'],
		text: field('text'),
		url: field('url'),
		urlSample: field('urlSample'),
		phoneNumber: field('phoneNumber'),
		example: field('example'),
		flowId: field('flowId'),
		flowName: field('flowName'),
		flowAction: field('flowAction'),
		navigateScreen: field('navigateScreen'),
	};
}

/** The body samples: from version 1.1 one field per variable, before that a list in variable order. */
function readBodySamples(ctx: IExecuteFunctions, itemIndex: number, body: string): string[] {
	if (ctx.getNode().typeVersion < 1.1) {
		const samples = ctx.getNodeParameter('bodySamples', itemIndex, []) as unknown;
		return (Array.isArray(samples) ? samples : [samples]).map(textOf);
	}
	const mapped = ctx.getNodeParameter('bodyVariableSamples.value', itemIndex, {}) as IDataObject;
	return bodyVariableOrder(body).map((name) => textOf(mapped?.[name]));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const category = readText(this, 'category', itemIndex);
	const authentication = category.toUpperCase() === 'AUTHENTICATION';
	const headerFormat = (
		authentication ? 'NONE' : readText(this, 'headerFormat', itemIndex, 'NONE')
	) as HeaderFormat;
	const sampleFromFile =
		MEDIA_HEADERS.includes(headerFormat) &&
		readText(this, 'headerSampleSource', itemIndex, 'url') === 'binary';
	// Body, header text and button URLs keep their WhatsApp variables ({{1}}) whether fixed or expressions.
	const buttons = authentication
		? []
		: collectionEntriesWithTemplateText(this, 'buttons', 'button', itemIndex, {
				url: (index) => `Button ${index + 1} URL`,
			});
	const body = authentication ? undefined : readTemplateText(this, 'body', itemIndex, 'Body');
	const samples = body === undefined ? [] : readBodySamples(this, itemIndex, body);
	const minutes = authentication
		? Number(this.getNodeParameter('codeExpirationMinutes', itemIndex, 0))
		: 0;

	const built = buildTemplateSubmission({
		name: readText(this, 'name', itemIndex),
		category,
		language: readText(this, 'language', itemIndex),
		allowCategoryChange: this.getNodeParameter('allowCategoryChange', itemIndex, true) as boolean,
		parameterFormat: (authentication
			? 'POSITIONAL'
			: readText(this, 'parameterFormat', itemIndex, 'POSITIONAL')) as ParameterFormat,
		header: {
			format: headerFormat,
			text:
				headerFormat === 'TEXT'
					? readTemplateText(this, 'headerText', itemIndex, 'Header Text')
					: undefined,
			textSample:
				headerFormat === 'TEXT' ? readText(this, 'headerTextSample', itemIndex) : undefined,
			mediaSample: sampleFromFile
				? 'upload'
				: MEDIA_HEADERS.includes(headerFormat)
					? readText(this, 'headerSampleUrl', itemIndex)
					: undefined,
		},
		body,
		bodySamples: samples,
		footer: authentication ? undefined : readText(this, 'footer', itemIndex),
		buttons: buttons.map(readButton),
		authentication: authentication
			? {
					addSecurityRecommendation: this.getNodeParameter(
						'addSecurityRecommendation',
						itemIndex,
						true,
					) as boolean,
					codeExpirationMinutes: minutes > 0 ? minutes : undefined,
					otpType: readText(this, 'otpType', itemIndex, 'COPY_CODE'),
					buttonText: readText(this, 'otpButtonText', itemIndex),
				}
			: undefined,
	});
	assertNoViolations(this, built.violations, itemIndex, 'WhatsApp template');

	let payload = built.payload;
	if (sampleFromFile) {
		const file = await readBinaryFile(
			this,
			itemIndex,
			readText(this, 'headerSampleBinaryProperty', itemIndex, 'data'),
		);
		const handle = await resumableUpload.call(this, file, itemIndex);
		payload = withHeaderHandle(payload, handle);
	}
	// Review can take up to 48 hours; List or Sync shows the outcome.
	return await submitTemplate.call(this, payload, itemIndex, 'PENDING');
}
