/**
 * Meta's template library through 360dialog: GET /message_template_library with the number's key
 * (360dialog API reference "Templates", https://docs.360dialog.com/docs/messaging-api/api-reference/templates),
 * filtered by Meta's query parameters and paged with Graph cursors (Meta "Template Library",
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-library).
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { TEMPLATE_LIBRARY_RULES } from '../domain/rules/templates';
import {
	readLibraryPage,
	type LibraryPage,
	type LibraryTemplate,
} from '../domain/templateSubmission/library';
import { readCursorPages } from './cursorPages';
import { apiRequest, type RequestContext } from './request';

/** Meta's filters: a search text (name, header, body, footer), topic, use case, industry, language, name. */
export interface LibraryQuery {
	search?: string;
	topic?: string;
	usecase?: string;
	industry?: string;
	language?: string;
	name?: string;
}

export async function fetchLibraryPage(
	this: RequestContext,
	query: LibraryQuery,
	after?: string,
	limit = TEMPLATE_LIBRARY_RULES.pageSize,
	itemIndex?: number,
): Promise<LibraryPage> {
	const qs: IDataObject = { limit };
	for (const [key, value] of Object.entries(query)) if (value) qs[key] = value;
	if (after) qs.after = after;
	const body = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'templateLibrary',
		qs,
		idempotent: true,
		itemIndex,
	});
	try {
		return readLibraryPage(body);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
}

/** Follows the cursors until `max` entries or the last page. */
export async function fetchLibrary(
	this: RequestContext,
	query: LibraryQuery,
	max = Infinity,
	itemIndex?: number,
): Promise<LibraryTemplate[]> {
	return await readCursorPages(
		async (after, wanted) => {
			const limit = Math.min(TEMPLATE_LIBRARY_RULES.pageSize, wanted);
			const page = await fetchLibraryPage.call(this, query, after, limit, itemIndex);
			return { entries: page.templates, after: page.after };
		},
		{ max },
	);
}

/** The library entry of this exact name in this language, if the library has one. */
export async function findLibraryTemplate(
	this: RequestContext,
	name: string,
	language: string,
	itemIndex?: number,
): Promise<LibraryTemplate | undefined> {
	const candidates = await fetchLibrary.call(this, { name, language }, Infinity, itemIndex);
	return candidates.find(
		(entry) => entry.name === name && (!entry.language || entry.language === language),
	);
}
