import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { flowSummary } from '../../domain/flows';
import { textOf, toJson } from '../../domain/values';
import { apiRequest } from '../../transport/request';
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const flowId = textOf(this.getNodeParameter('flowId', itemIndex, '', { extractValue: true }));
	const response = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'flow',
		pathParams: { flowId: flowId.trim() },
		idempotent: true,
		itemIndex,
	});
	if (wantsRawOutput(this, itemIndex)) return response;
	return toJson(flowSummary(response));
}
