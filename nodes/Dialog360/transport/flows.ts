import { NodeOperationError } from 'n8n-workflow';

import { flowSummary, readFlowPage, type FlowSummary } from '../domain/flows';
import { apiRequest, type RequestContext } from './request';

/**
 * At most this many pages are read: 40 of Meta's default 25 flows (Graph API "Paginated Results")
 * is far more than a number has, and a cursor that never ends stops here.
 */
const MAX_PAGES = 40;

/** The number's WhatsApp Flows as 360dialog sends them, every page, read with its own API key. */
export async function fetchRawFlows(
	this: RequestContext,
	itemIndex?: number,
): Promise<Array<Record<string, unknown>>> {
	const flows: Array<Record<string, unknown>> = [];
	const seen = new Set<string>();
	let after: string | null = null;
	for (let page = 0; page < MAX_PAGES; page++) {
		const body = await apiRequest.call(this, {
			method: 'GET',
			endpoint: 'flows',
			...(after ? { qs: { after } } : {}),
			idempotent: true,
			itemIndex,
		});
		let read: ReturnType<typeof readFlowPage>;
		try {
			read = readFlowPage(body);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
		}
		flows.push(...read.flows);
		// Meta may name a next page after an empty one: an empty page or a cursor seen before ends it.
		if (!read.after || read.flows.length === 0 || seen.has(read.after)) break;
		seen.add(read.after);
		after = read.after;
	}
	return flows;
}

/** The number's WhatsApp Flows: ID, name, status and categories of each. */
export async function fetchFlows(this: RequestContext, itemIndex?: number): Promise<FlowSummary[]> {
	return (await fetchRawFlows.call(this, itemIndex)).map(flowSummary).filter((flow) => flow.id);
}
