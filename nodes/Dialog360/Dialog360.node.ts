import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as media from './actions/media';
import * as message from './actions/message';
import * as profile from './actions/profile';
import * as template from './actions/template';
import { router } from './actions/router';
import { getTemplateParameters, searchAllTemplates, searchApprovedTemplates } from './methods/templates';

export class Dialog360 implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog WhatsApp',
		name: 'dialog360',
		icon: { light: 'file:../../icons/dialog360.svg', dark: 'file:../../icons/dialog360.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp messages and templates, and manage templates and the business profile, through 360dialog',
		defaults: { name: '360dialog WhatsApp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dialog360Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Media', value: 'media' },
					{ name: 'Message', value: 'message' },
					{ name: 'Profile', value: 'profile' },
					{ name: 'Template', value: 'template' },
				],
				default: 'message',
			},
			...message.description,
			...template.description,
			...media.description,
			...profile.description,
		],
	};

	methods = {
		listSearch: { searchApprovedTemplates, searchAllTemplates },
		resourceMapping: { getTemplateParameters },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
