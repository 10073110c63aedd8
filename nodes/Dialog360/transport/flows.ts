import { NodeOperationError } from 'n8n-workflow';

import { readFlowList, type FlowSummary } from '../domain/flows';
import { apiRequest, type RequestContext } from './request';

/** The number's WhatsApp Flows, read with its own API key. */
export async function fetchFlows(this: RequestContext, itemIndex?: number): Promise<FlowSummary[]> {
	const body = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'flows',
		idempotent: true,
		itemIndex,
	});
	try {
		return readFlowList(body);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
}
