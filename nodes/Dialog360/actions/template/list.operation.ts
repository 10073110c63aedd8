import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TemplateDefinition } from '../../domain/templateParameters';
import { matchesTemplateFilters, simplifyTemplate } from '../../domain/templates';
import { fetchTemplates } from '../../transport/templates';
import { simplifyOption, TEMPLATE_LANGUAGE_OPTIONS, wantsRawOutput } from '../common.descriptions';

const show = { resource: ['template'], operation: ['list'] };

export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'SUBMITTED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'FLAGGED', 'REINSTATED', 'ARCHIVED'];

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				default: 'UTILITY',
				options: [
					{ name: 'Authentication', value: 'AUTHENTICATION' },
					{ name: 'Marketing', value: 'MARKETING' },
					{ name: 'Utility', value: 'UTILITY' },
				],
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
				options: TEMPLATE_STATUSES.map((status) => ({ name: status.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (first) => first.toUpperCase()), value: status })),
				description: 'Only templates with this status (compared in any case)',
			},
		],
	},
	simplifyOption({ resource: 'template', operation: 'list' }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { nameContains?: string; status?: string; category?: string; language?: string };
	const raw = wantsRawOutput(this, itemIndex);

	const summarize = (template: TemplateDefinition) => simplifyTemplate(template as TemplateDefinition & Record<string, unknown>);
	// The filters are matched here (the API's are exact and its status case varies), page by page.
	const templates = await fetchTemplates.call(this, {}, limit, itemIndex, (template) => matchesTemplateFilters(summarize(template), filters));
	return templates.map((template) => (raw ? template : summarize(template)) as unknown as IDataObject);
}
