/**
 * The number's WhatsApp Flows as 360dialog's Messaging API lists them (Meta's flow fields: id, name,
 * status, categories, validation_errors; https://docs.360dialog.com/docs/messaging-api/api-reference/flows).
 * Only a PUBLISHED flow can be sent in published mode (Meta "Sending a Flow").
 */
import { textOf } from './values';

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

/** The flows of a list answer (`{ data: [...] }`); anything else is an answer we cannot read. */
export function readFlowList(body: unknown): FlowSummary[] {
	const data = (body as { data?: unknown } | undefined)?.data;
	if (!Array.isArray(data)) throw new Error('The flow list answer has no "data" list');
	return data.map(flowSummary).filter((flow) => flow.id);
}
