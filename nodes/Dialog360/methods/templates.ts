import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { parameterSlots, type TemplateDefinition } from '../domain/templateParameters';
import { isApproved, normalizeStatus, parseTemplateKey, TEMPLATE_PAGE_SIZE, templateKey } from '../domain/templates';
import { fetchTemplatePage, findTemplate } from '../transport/templates';

/** Results per answer to the picker; n8n asks for the next ones with the pagination token. */
const SEARCH_RESULTS = 100;

/**
 * One screen of the picker: a page from the token's offset; with a search text, pages are read until
 * enough templates match (the search is matched here, so a match on a later page is found) or the
 * list ends.
 */
async function searchTemplates(ctx: ILoadOptionsFunctions, approvedOnly: boolean, filter?: string, paginationToken?: unknown): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const matches = (template: TemplateDefinition) => (!approvedOnly || isApproved(template)) && (!needle || template.name.toLowerCase().includes(needle));
	let offset = typeof paginationToken === 'number' ? paginationToken : 0;
	const found: TemplateDefinition[] = [];
	let more = true;
	while (more && (found.length === 0 || (needle && found.length < SEARCH_RESULTS))) {
		const page = await fetchTemplatePage.call(ctx, {}, offset, needle ? TEMPLATE_PAGE_SIZE : SEARCH_RESULTS);
		found.push(...page.templates.filter(matches));
		offset += page.templates.length;
		more = page.templates.length > 0 && (page.total === undefined || offset < page.total);
	}
	const results = found.map((template) => ({
		name: `${template.name} (${template.language})${approvedOnly ? '' : ` · ${normalizeStatus(template.status)}`}`,
		value: templateKey(template.name, template.language),
	}));
	return { results, paginationToken: more ? offset : undefined };
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
