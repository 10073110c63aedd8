import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { flowSummary, isFlowId } from '../../domain/flows';
import { textOf, toJson } from '../../domain/values';
import { fetchRawFlows } from '../../transport/flows';
import { simplifyField } from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import { flowIdField } from '../message/descriptions/flow';
import { wantsRawOutput } from '../parameters';

export const description = updateDisplayOptions(
	{ show: { resource: ['flow'], operation: ['get'] } },
	[
		{
			...flowIdField,
			description: 'The flow to read, picked from the list or by the ID WhatsApp Manager shows',
			displayOptions: undefined,
		},
		simplifyField,
	],
);

/** One flow per item: its name, status and categories. */
export const runShape = 'perItem';

/**
 * The flow is read from the number's flow list, the one flow path 360dialog documents for the
 * number's own key ("List Flows", https://docs.360dialog.com/docs/messaging-api/api-reference/flows);
 * no single-flow path for that key could be confirmed there (Meta reads one flow at
 * GET /{flow-id}, https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi). A list
 * entry has the fields Meta returns for one flow by default (id, name, status, categories,
 * validation_errors).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flowId = textOf(
		this.getNodeParameter('flowId', itemIndex, '', { extractValue: true }),
	).trim();
	if (!isFlowId(flowId))
		throw new NodeOperationError(
			this.getNode(),
			`Flow ID must be the flow's numeric ID (got "${flowId}")`,
			{ itemIndex },
		);
	const flow = (await fetchRawFlows.call(this, itemIndex)).find(
		(entry) => textOf(entry.id) === flowId,
	);
	if (!flow)
		throw new NodeOperationError(
			this.getNode(),
			`Flow ID must be one of this number's flows (got "${flowId}")`,
			{
				itemIndex,
				description:
					"Flow › List shows the flows of the number whose API key the credential holds; WhatsApp Manager › Account tools › Flows shows each flow's ID.",
			},
		);
	if (wantsRawOutput(this, itemIndex)) return flow as IDataObject;
	return toJson(flowSummary(flow));
}
