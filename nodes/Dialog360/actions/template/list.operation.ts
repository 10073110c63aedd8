import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TemplateDefinition } from '../../domain/templateParameters';
import { matchesTemplateFilters, simplifyTemplate } from '../../domain/templates';
import { fetchTemplates } from '../../transport/templates';
import {
	returnAllFields,
	simplifyField,
	TEMPLATE_CATEGORY_OPTIONS,
	TEMPLATE_LANGUAGE_OPTIONS,
	TEMPLATE_STATUS_OPTIONS,
} from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import { toJson } from '../../domain/values';
import { readLimit, wantsRawOutput } from '../parameters';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				default: 'UTILITY',
				options: TEMPLATE_CATEGORY_OPTIONS,
				description: 'Only templates of this category',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				default: 'en_US',
				options: TEMPLATE_LANGUAGE_OPTIONS,
				description: 'Only templates in this language',
			},
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				description: 'Only templates whose name contains this text (any case)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'APPROVED',
				options: TEMPLATE_STATUS_OPTIONS,
				description: 'Only templates with this status (compared in any case)',
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['list'] } },
	properties,
);

/** One list per item, one at a time: each item may filter differently. */
export const runShape = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		nameContains?: string;
		status?: string;
		category?: string;
		language?: string;
	};
	const raw = wantsRawOutput(this, itemIndex);

	const summarize = (template: TemplateDefinition) =>
		simplifyTemplate(template as TemplateDefinition & Record<string, unknown>);
	// The filters are matched here (the API's are exact and its status case varies), page by page.
	const templates = await fetchTemplates.call(this, {}, limit, itemIndex, (template) =>
		matchesTemplateFilters(summarize(template), filters),
	);
	return templates.map((template) => (raw ? toJson(template) : toJson(summarize(template))));
}
