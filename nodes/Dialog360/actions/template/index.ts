import type { INodeProperties } from 'n8n-workflow';

import * as browseLibrary from './browseLibrary.operation';
import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as submit from './submit.operation';
import * as submitFromLibrary from './submitFromLibrary.operation';
import * as sync from './sync.operation';

export { browseLibrary, deleteTemplate, get, list, submit, submitFromLibrary, sync };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Browse Library',
				value: 'browseLibrary',
				description:
					"Search WhatsApp's library of ready-made utility and authentication templates by topic, industry or language",
				action: 'Browse the template library',
			},
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
				name: 'Submit From Library',
				value: 'submitFromLibrary',
				description:
					"Create a template from one in WhatsApp's library, with your links and phone number; approved at once",
				action: 'Submit a template from the library',
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
	...submitFromLibrary.description,
	...browseLibrary.description,
	...list.description,
	...sync.description,
	...get.description,
	...deleteTemplate.description,
];
