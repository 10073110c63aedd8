import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { parameterSlots } from '../domain/templateParameters';
import { isApproved, normalizeStatus, parseTemplateKey, templateKey } from '../domain/templates';
import { fetchTemplatePage, findTemplate } from '../transport/templates';

const SEARCH_PAGE_SIZE = 100;

async function searchTemplates(ctx: ILoadOptionsFunctions, approvedOnly: boolean, filter?: string, paginationToken?: unknown): Promise<INodeListSearchResult> {
	const offset = typeof paginationToken === 'number' ? paginationToken : 0;
	const page = await fetchTemplatePage.call(ctx, {}, offset, SEARCH_PAGE_SIZE);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = page.templates
		.filter((template) => (!approvedOnly || isApproved(template)) && (!needle || template.name.toLowerCase().includes(needle)))
		.map((template) => ({
			name: `${template.name} (${template.language})${approvedOnly ? '' : ` · ${normalizeStatus(template.status)}`}`,
			value: templateKey(template.name, template.language),
		}));
	const next = offset + page.templates.length;
	const more = page.templates.length === SEARCH_PAGE_SIZE && (page.total === undefined || next < page.total);
	return { results, paginationToken: more ? next : undefined };
}

/** The picker of Send Template: approved templates as "name (language)", filtered by name, page by page. */
export async function searchApprovedTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: unknown): Promise<INodeListSearchResult> {
	return await searchTemplates(this, true, filter, paginationToken);
}

/** The picker of Template › Get: every template with its status. */
export async function searchAllTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: unknown): Promise<INodeListSearchResult> {
	return await searchTemplates(this, false, filter, paginationToken);
}

/** One mapper field per value the chosen template needs (header, body variables, buttons). */
export async function getTemplateParameters(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const key = parseTemplateKey(this.getNodeParameter('template', undefined, { extractValue: true }));
	if (!key) return { fields: [], emptyFieldsNotice: 'Choose a template first' };
	const template = await findTemplate.call(this, key.name, key.language);
	if (!template) return { fields: [], emptyFieldsNotice: `Template ${key.name} (${key.language}) was not found` };
	const fields: ResourceMapperField[] = parameterSlots(template).map((slot) => ({
		id: slot.id,
		displayName: slot.label,
		required: slot.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: slot.kind === 'latitude' || slot.kind === 'longitude' ? 'number' : 'string',
	}));
	return { fields, emptyFieldsNotice: 'This template has no variables: nothing to fill in' };
}
