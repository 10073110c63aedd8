import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { TemplateDefinition } from '../domain/templateParameters';
import { isApproved, normalizeStatus, TEMPLATE_PAGE_SIZE, templateKey } from '../domain/templates';
import { fetchFlows } from '../transport/flows';
import { TEMPLATE_LANGUAGE_PATTERN } from '../domain/rules/templates';
import { textOf } from '../domain/values';
import { fetchLibraryPage } from '../transport/templateLibrary';
import { fetchTemplatePage } from '../transport/templates';

/** Results per answer to the picker; n8n asks for the next ones with the pagination token. */
const SEARCH_RESULTS = 100;

/**
 * One screen of the picker: a page from the token's offset; with a search text, pages are read until
 * enough templates match (the search is matched here, so a match on a later page is found) or the
 * list ends.
 */
async function searchTemplates(
	ctx: ILoadOptionsFunctions,
	approvedOnly: boolean,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const matches = (template: TemplateDefinition) =>
		(!approvedOnly || isApproved(template)) &&
		(!needle || template.name.toLowerCase().includes(needle));
	let offset = typeof paginationToken === 'number' ? paginationToken : 0;
	const found: TemplateDefinition[] = [];
	let more = true;
	while (more && (found.length === 0 || (needle && found.length < SEARCH_RESULTS))) {
		const page = await fetchTemplatePage.call(
			ctx,
			{},
			offset,
			needle ? TEMPLATE_PAGE_SIZE : SEARCH_RESULTS,
		);
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
export async function searchApprovedTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	return await searchTemplates(this, true, filter, paginationToken);
}

/** The picker of Template › Get: every template with its status. */
export async function searchAllTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	return await searchTemplates(this, false, filter, paginationToken);
}

/** The picker of a flow message's Flow: the number's flows as "name · status", filtered by name or ID. */
export async function searchFlows(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const flows = await fetchFlows.call(this);
	return {
		results: flows
			.filter(
				(flow) => !needle || flow.name.toLowerCase().includes(needle) || flow.id.includes(needle),
			)
			.map((flow) => ({ name: `${flow.name} · ${flow.status}`, value: flow.id })),
	};
}

/**
 * The picker of Submit From Library: library templates in the node's Language (when it is a code),
 * found by Meta's search text, one library page per screen.
 */
export async function searchLibraryTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	let language = '';
	try {
		language = textOf(this.getNodeParameter('language', ''));
	} catch {
		// An expression the editor cannot evaluate without input data: the whole library is listed.
	}
	const page = await fetchLibraryPage.call(
		this,
		{
			search: (filter ?? '').trim(),
			language: TEMPLATE_LANGUAGE_PATTERN.test(language) ? language : undefined,
		},
		typeof paginationToken === 'string' ? paginationToken : undefined,
	);
	const seen = new Set<string>();
	const results = page.templates
		.filter((entry) => !seen.has(entry.name) && seen.add(entry.name))
		.map((entry) => ({
			name: `${entry.name} · ${textOf(entry.category).toLowerCase()}`,
			value: entry.name,
			description: entry.body,
		}));
	return { results, paginationToken: page.after };
}
