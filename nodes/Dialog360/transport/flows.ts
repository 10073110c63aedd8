import { NodeOperationError } from 'n8n-workflow';

import { flowSummary, readFlowPage, type FlowSummary } from '../domain/flows';
import { readCursorPages } from './cursorPages';
import { apiRequest, type RequestContext } from './request';

/**
 * At most this many pages are read: 40 of Meta's default 25 flows (Graph API "Paginated Results")
 * is far more than a number has.
 */
const MAX_PAGES = 40;

/** The number's WhatsApp Flows as 360dialog sends them, every page, read with its own API key. */
export async function fetchRawFlows(
	this: RequestContext,
	itemIndex?: number,
): Promise<Array<Record<string, unknown>>> {
	return await readCursorPages(
		async (after) => {
			const body = await apiRequest.call(this, {
				method: 'GET',
				endpoint: 'flows',
				...(after ? { qs: { after } } : {}),
				idempotent: true,
				itemIndex,
			});
			try {
				const { flows, after: next } = readFlowPage(body);
				return { entries: flows, after: next };
			} catch (error) {
				throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
			}
		},
		{ maxPages: MAX_PAGES },
	);
}

/** The number's WhatsApp Flows: ID, name, status and categories of each. */
export async function fetchFlows(this: RequestContext, itemIndex?: number): Promise<FlowSummary[]> {
	return (await fetchRawFlows.call(this, itemIndex)).map(flowSummary).filter((flow) => flow.id);
}
