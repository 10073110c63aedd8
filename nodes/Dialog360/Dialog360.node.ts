import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { sendAndWait } from './actions/message';
import { SEND_AND_WAIT_WEBHOOKS } from './actions/message/sendAndWait.operation';
import { router } from './actions/router';
import { subtitle, versionProperties } from './actions/versionDescription';
import { listSearch, resourceMapping } from './methods';

export class Dialog360 implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog WhatsApp',
		name: 'dialog360',
		icon: { light: 'file:../../icons/dialog360.svg', dark: 'file:../../icons/dialog360.dark.svg' },
		group: ['output'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle,
		description:
			'Send WhatsApp messages and templates, and manage templates and the business profile, through 360dialog',
		defaults: { name: '360dialog WhatsApp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dialog360Api', required: true }],
		webhooks: SEND_AND_WAIT_WEBHOOKS,
		properties: versionProperties,
	};

	methods = { listSearch, resourceMapping };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWait.webhook.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
