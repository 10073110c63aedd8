/** Flow: the number's WhatsApp Flows (forms), read with its own key. Flows are built in WhatsApp Manager. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flowSummary } from '../../domain/flows';
import { toJson } from '../../domain/values';
import { fetchFlows } from '../../transport/flows';
import { apiRequest } from '../../transport/request';
import { simplifyField } from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import { flowIdField } from '../message/descriptions/flow';
import { wantsRawOutput } from '../parameters';
import { textOf } from '../../domain/values';

/** One read per run: the list does not depend on the item. */
export const list = {
	description: updateDisplayOptions({ show: { resource: ['flow'], operation: ['list'] } }, []),
	runShape: 'oncePerRun' as const,
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		return (await fetchFlows.call(this, itemIndex)).map((flow) => toJson(flow));
	},
};

/** One flow per item: its name, status and categories. */
export const get = {
	description: updateDisplayOptions({ show: { resource: ['flow'], operation: ['get'] } }, [
		{
			...flowIdField,
			description: 'The flow to read, picked from the list or by the ID WhatsApp Manager shows',
			displayOptions: undefined,
		},
		simplifyField,
	]),
	runShape: 'perItem' as const,
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
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
	},
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['flow'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: "Get a flow's name, status and categories",
				action: 'Get a flow',
			},
			{
				name: 'List',
				value: 'list',
				description: "List the number's WhatsApp Flows (forms built in WhatsApp Manager)",
				action: 'List flows',
			},
		],
		default: 'list',
	},
	...get.description,
	...list.description,
];
