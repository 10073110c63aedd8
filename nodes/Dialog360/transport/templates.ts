import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TemplateDefinition } from '../domain/templateParameters';
import {
	diffTemplates,
	normalizeStatus,
	readTemplatePage,
	simplifyTemplate,
	TEMPLATE_PAGE_SIZE,
	templateFilters,
	type SyncedTemplate,
	type TemplatePage,
	type TemplateSnapshot,
} from '../domain/templates';
import { textOf } from '../domain/values';
import { apiRequest, type RequestContext } from './request';

export interface TemplateQuery {
	name?: string;
}

export async function fetchTemplatePage(
	this: RequestContext,
	query: TemplateQuery,
	offset: number,
	limit = TEMPLATE_PAGE_SIZE,
	itemIndex?: number,
): Promise<TemplatePage> {
	const filters = templateFilters(query);
	const body = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'templates',
		qs: { limit, offset, sort: 'business_templates.name', ...(filters ? { filters } : {}) },
		idempotent: true,
		itemIndex,
	});
	try {
		return readTemplatePage(body);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
}

/**
 * Follows the offset pagination until `max` templates (those `keep` accepts, when given) or the end:
 * `total` reached, or an empty page. A short page is not the end: a server may cap `limit` below what
 * was asked and still have more (and Sync would otherwise call the rest removed).
 */
export async function fetchTemplates(
	this: RequestContext,
	query: TemplateQuery,
	max = Infinity,
	itemIndex?: number,
	keep?: (template: TemplateDefinition) => boolean,
): Promise<TemplateDefinition[]> {
	const templates: TemplateDefinition[] = [];
	for (let offset = 0; templates.length < max;) {
		// Unfiltered, only what is still wanted is asked for; filtered, whole pages.
		const limit = keep ? TEMPLATE_PAGE_SIZE : Math.min(TEMPLATE_PAGE_SIZE, max - templates.length);
		const page = await fetchTemplatePage.call(this, query, offset, limit, itemIndex);
		for (const template of page.templates) {
			if (templates.length < max && (!keep || keep(template))) templates.push(template);
		}
		offset += page.templates.length;
		if (page.templates.length === 0 || (page.total !== undefined && offset >= page.total)) break;
	}
	return templates;
}

export async function findTemplate(
	this: RequestContext,
	name: string,
	language: string,
	itemIndex?: number,
): Promise<TemplateDefinition | undefined> {
	const candidates = await fetchTemplates.call(this, { name }, Infinity, itemIndex);
	return candidates.find((template) => template.name === name && template.language === language);
}

/**
 * Every template now, compared with the snapshot of a previous sync (Template › Sync and the
 * Template Changes trigger): what changed, the snapshot to keep for the next one, and when.
 */
export async function syncTemplates(
	this: RequestContext,
	previous: Record<string, TemplateSnapshot> | undefined,
	itemIndex?: number,
): Promise<{
	templates: SyncedTemplate[];
	snapshot: Record<string, TemplateSnapshot>;
	syncedAt: string;
}> {
	const templates = await fetchTemplates.call(this, {}, Infinity, itemIndex);
	const syncedAt = new Date().toISOString();
	const diff = diffTemplates(
		previous,
		templates.map((template) =>
			simplifyTemplate(template as typeof template & Record<string, unknown>),
		),
		syncedAt,
	);
	return { ...diff, syncedAt };
}

/**
 * Submits a template (POST /v1/configs/templates) once: a second submission of the same name and
 * language is refused as a duplicate, so an answer in doubt is reported, not repeated. The output
 * says what 360dialog answered, with `statusWhenMissing` when its answer has no status.
 */
export async function submitTemplate(
	this: IExecuteFunctions,
	payload: Record<string, unknown>,
	itemIndex: number,
	statusWhenMissing: string,
): Promise<IDataObject> {
	const response = await apiRequest.call(this, {
		method: 'POST',
		endpoint: 'templates',
		body: payload as IDataObject,
		idempotent: false,
		itemIndex,
	});
	return {
		id: (response.id as string | undefined) ?? null,
		name: (response.name as string | undefined) ?? (payload.name as string),
		language: (response.language as string | undefined) ?? (payload.language as string),
		category: textOf(response.category ?? payload.category).toUpperCase(),
		status: normalizeStatus(response.status ?? statusWhenMissing),
	};
}
