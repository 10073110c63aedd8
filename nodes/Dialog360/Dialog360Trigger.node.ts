import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { timingSafeEqual } from 'crypto';

import { MalformedDeliveryError, readDelivery } from './domain/webhookEvents';
import {
	configuredWebhook,
	register,
	registrationState,
	restore,
	DELIVERY_HEADER,
} from './trigger/registration';

function secretMatches(expected: string | undefined, received: unknown): boolean {
	if (!expected || typeof received !== 'string') return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(received);
	return a.length === b.length && timingSafeEqual(a, b);
}

export class Dialog360Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog WhatsApp Trigger',
		name: 'dialog360Trigger',
		icon: { light: 'file:../../icons/dialog360.svg', dark: 'file:../../icons/dialog360.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Inbound messages and status events',
		description: 'Starts the workflow when a WhatsApp message or status event arrives through 360dialog',
		defaults: { name: '360dialog WhatsApp Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dialog360Api', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'On activation this node registers its production URL as the webhook of the number, and puts the previous URL back on deactivation. 360dialog only accepts https URLs without a port or an underscore in the host.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				const state = registrationState(this);
				const current = await configuredWebhook(this);
				return Boolean(url && state.secret && current.url === url);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await register(this, this.getNodeWebhookUrl('default') as string);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				await restore(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = this.getWorkflowStaticData('node') as IDataObject;
		const headers = this.getHeaderData() as IDataObject;
		const response = this.getResponseObject();
		if (!secretMatches(state.secret as string | undefined, headers[DELIVERY_HEADER])) {
			response.status(401).json({ error: 'unauthorized' });
			return { noWebhookResponse: true };
		}
		let events;
		try {
			events = readDelivery(this.getBodyData());
		} catch (error) {
			if (!(error instanceof MalformedDeliveryError)) throw new NodeOperationError(this.getNode(), error as Error);
			response.status(400).json({ error: error.message });
			return { noWebhookResponse: true };
		}
		if (events.length === 0) return { webhookResponse: { received: 0 } };
		return { workflowData: [this.helpers.returnJsonArray(events as unknown as IDataObject[])] };
	}
}
