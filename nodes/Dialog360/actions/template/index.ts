import type { INodeProperties } from 'n8n-workflow';

import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as submit from './submit.operation';
import * as sync from './sync.operation';

export { deleteTemplate, get, list, submit, sync };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a template in every language',
				action: 'Delete a template',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one template by name and language',
				action: 'Get a template',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List templates, filtered by status, category, language or name',
				action: 'List templates',
			},
			{
				name: 'Submit',
				value: 'submit',
				description: 'Submit a new template to WhatsApp for review',
				action: 'Submit a template',
			},
			{
				name: 'Sync',
				value: 'sync',
				description: 'Compare all templates with the previous sync and mark what changed',
				action: 'Sync templates',
			},
		],
		default: 'list',
	},
	...submit.description,
	...list.description,
	...sync.description,
	...get.description,
	...deleteTemplate.description,
];
