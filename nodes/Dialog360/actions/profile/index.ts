import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as update from './update.operation';

export { get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['profile'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the business profile of the WhatsApp number',
				action: 'Get the business profile',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of the business profile; only the fields you add are sent',
				action: 'Update the business profile',
			},
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
