import type { INodeProperties } from 'n8n-workflow';

import * as block from './block.operation';
import * as listBlocked from './listBlocked.operation';
import * as unblock from './unblock.operation';

export { block, listBlocked, unblock };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Block',
				value: 'block',
				description: 'Block contacts: they cannot write to this number and it cannot write to them',
				action: 'Block contacts',
			},
			{
				name: 'List Blocked',
				value: 'listBlocked',
				description: 'List the contacts this number has blocked',
				action: 'List blocked contacts',
			},
			{
				name: 'Unblock',
				value: 'unblock',
				description: 'Unblock contacts, so that messages go both ways again',
				action: 'Unblock contacts',
			},
		],
		default: 'block',
	},
	...block.description,
	...listBlocked.description,
	...unblock.description,
];
