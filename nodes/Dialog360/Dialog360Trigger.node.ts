import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties, triggerSubtitle } from './trigger/description';
import { webhookLifecycle } from './trigger/lifecycle';
import { receiveDelivery } from './trigger/receive';

export class Dialog360Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog WhatsApp Trigger',
		name: 'dialog360Trigger',
		icon: { light: 'file:../../icons/dialog360.svg', dark: 'file:../../icons/dialog360.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n 2.40 evaluates `$parameter.options.binaryData` through its expression
		// engine on every request to a version-1 webhook node (webhook-helpers' parseRequestBody, kept
		// for the Webhook node v1); from 1.1 nothing in this trigger's webhook phase needs an expression.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: triggerSubtitle,
		// n8n's nodes panel shows this node and the action node as one entry, with this description
		// (the editor's generateMergedNodesAndActions), so it speaks for both.
		description:
			'WhatsApp through 360dialog: start workflows on inbound messages and status events, send messages and templates, and manage templates, media and the business profile',
		defaults: { name: '360dialog WhatsApp Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dialog360Api', required: true }],
		// responseData: n8n answers a delivery handed to the workflow with this (its default,
		// 'firstEntryJson', would be sent as that literal text); 'noData' is an empty 200
		// (n8n's webhook-on-received-response-extractor, alike on 2.8 and 2.41).
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = { default: webhookLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}
}
