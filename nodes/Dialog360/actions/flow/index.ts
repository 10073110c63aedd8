/** Flow: the number's WhatsApp Flows (forms), read with its own key. Flows are built in WhatsApp Manager. */
import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as list from './list.operation';

export { get, list };

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
