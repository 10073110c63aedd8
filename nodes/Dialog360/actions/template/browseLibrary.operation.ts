import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TEMPLATE_LIBRARY_RULES } from '../../domain/rules/templates';
import { simplifyLibraryTemplate } from '../../domain/templateSubmission/library';
import { toJson } from '../../domain/values';
import { fetchLibrary, type LibraryQuery } from '../../transport/templateLibrary';
import {
	enumLabel,
	returnAllFields,
	simplifyField,
	TEMPLATE_LANGUAGE_OPTIONS,
} from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import { readLimit, readText, wantsRawOutput } from '../parameters';

const enumOptions = (values: readonly string[]) =>
	values.map((value) => ({ name: enumLabel(value), value }));

const properties: INodeProperties[] = [
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. payment',
		description:
			"Only library templates with this text in their name, header, body or footer (Meta's search)",
	},
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Industry',
				name: 'industry',
				type: 'options',
				default: 'E_COMMERCE',
				options: enumOptions(TEMPLATE_LIBRARY_RULES.industries),
				description: 'Only library templates for this industry',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				default: 'en_US',
				options: TEMPLATE_LANGUAGE_OPTIONS,
				description: 'Only library templates in this language',
			},
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'options',
				default: 'ORDER_MANAGEMENT',
				options: enumOptions(TEMPLATE_LIBRARY_RULES.topics),
				description: 'Only library templates on this topic',
			},
			{
				displayName: 'Use Case',
				name: 'usecase',
				type: 'options',
				default: 'DELIVERY_UPDATE',
				options: enumOptions(TEMPLATE_LIBRARY_RULES.useCases),
				description: 'Only library templates for this use case',
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['browseLibrary'] } },
	properties,
);

/** One search per item, one at a time: each item may search differently. */
export const runShape = 'perItem';

/** Meta's library of utility and authentication templates: what Submit From Library can start from. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as LibraryQuery;
	const query: LibraryQuery = { ...filters, search: readText(this, 'search', itemIndex).trim() };
	const raw = wantsRawOutput(this, itemIndex);
	const entries = await fetchLibrary.call(this, query, limit, itemIndex);
	return entries.map((entry) => toJson(raw ? entry : simplifyLibraryTemplate(entry)));
}
