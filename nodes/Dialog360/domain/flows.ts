/**
 * The number's WhatsApp Flows as 360dialog's Messaging API lists them ("List Flows":
 * `{ data: [flows.Flow], paging }`, Meta's flow fields id, name, status, categories,
 * validation_errors, and Meta's cursor paging; https://docs.360dialog.com/docs/messaging-api/api-reference/flows).
 * Only a PUBLISHED flow can be sent in published mode (Meta "Sending a Flow").
 */
import { nextPageCursor } from './paging';
import { isRecord, textOf } from './values';

/** Whether a text is a flow's ID as WhatsApp Manager shows it: digits only. */
export function isFlowId(text: string): boolean {
	return /^\d+$/.test(text);
}

export interface FlowSummary {
	id: string;
	name: string;
	status: string;
	categories: string[];
}

export function flowSummary(raw: unknown): FlowSummary {
	const flow = (raw ?? {}) as Record<string, unknown>;
	return {
		id: textOf(flow.id),
		name: textOf(flow.name),
		status: textOf(flow.status).toUpperCase(),
		categories: Array.isArray(flow.categories) ? flow.categories.map(textOf) : [],
	};
}

/** One page of the flow list (`{ data: [...], paging }`): its flows as sent, and the next page's cursor. */
export function readFlowPage(body: unknown): {
	flows: Array<Record<string, unknown>>;
	after: string | null;
} {
	const data = (body as { data?: unknown } | undefined)?.data;
	if (!Array.isArray(data)) throw new Error('The flow list answer has no "data" list');
	return { flows: data.filter(isRecord), after: nextPageCursor(body) };
}
