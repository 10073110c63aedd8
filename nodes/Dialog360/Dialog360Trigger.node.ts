import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { capitalize, reportViolations } from './domain/checks';
import { MESSAGE_TYPES, STATUS_VALUES } from './domain/webhookEvents';
import { WEBHOOK_URL_RULES, webhookUrlViolations } from './domain/webhookUrl';
import { resolveCredentials } from './transport/request';
import { MERGE_RULES, receiveDelivery } from './trigger/receive';
import {
	joinWebhook,
	leaveWebhook,
	MAX_EXTRA_DESTINATIONS,
	registrationExists,
} from './trigger/registration';

/** 360dialog's URL rules apply to its hosts; a custom base URL (a proxy, the emulator) is not checked. */
async function assertReachableUrl(ctx: IHookFunctions, url: string): Promise<void> {
	const { environment } = await resolveCredentials.call(ctx);
	if (environment === 'custom') return;
	const violations = webhookUrlViolations(url);
	if (violations.length) {
		const report = reportViolations(violations, "n8n's webhook URL");
		throw new NodeOperationError(ctx.getNode(), report.message, {
			description: [...report.lines, WEBHOOK_URL_RULES.exposeHelp].join('\n'),
		});
	}
}

function joinsAsExtraDestination(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('registerAs', 'main') === 'extra';
}

/** The events a workflow can start on; the canvas subtitle names them the same way. */
const EVENT_OPTIONS = [
	{ name: 'Messages', value: 'message', description: 'What contacts send' },
	{
		name: 'Statuses',
		value: 'status',
		description: 'Sent, delivered, read and failed updates of your messages',
	},
	{ name: 'Errors', value: 'error', description: 'Errors WhatsApp reports outside a status' },
	{
		name: 'Identity Changes',
		value: 'identityChange',
		description:
			"A contact's user ID was replaced (they changed their phone number): the old and new IDs, to relink a record",
	},
	{
		name: 'Business App Messages',
		value: 'echo',
		description:
			'Messages a person sent from the WhatsApp Business app on a number that also uses the API (coexistence): a sign that someone has taken over the chat',
	},
];

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
		subtitle: `={{ "On " + $parameter["events"].map((event) => (${JSON.stringify(
			Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name.toLowerCase()])),
		)})[event] ?? event).join(", ") }}`,
		// n8n's nodes panel shows this node and the action node as one entry, with this description
		// (the editor's generateMergedNodesAndActions), so it speaks for both.
		description:
			'WhatsApp through 360dialog: start workflows on inbound messages and status events, send messages and templates, and manage templates, media and the business profile',
		defaults: { name: '360dialog WhatsApp Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dialog360Api', required: true }],
		// 'noData': an empty 200 once n8n stored the execution. Without responseData n8n answers the
		// literal text "firstEntryJson" (its default for the field; webhook-helpers' executeWebhook).
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'On activation this node registers its production URL with 360dialog, with a secret header it checks on every delivery, and puts back what was there when the workflow is deactivated. "Test this trigger" never takes over a URL in use: it joins as an extra destination (or uses the main URL only while the number has none) and removes itself when the test ends. 360dialog only calls https URLs on port 443 without "_" in the host: expose n8n through a reverse proxy or a tunnel (cloudflared, ngrok) and set WEBHOOK_URL.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Register As',
				name: 'registerAs',
				type: 'options',
				default: 'main',
				options: [
					{
						name: 'Replace the Main Webhook URL',
						value: 'main',
						description:
							'The number sends its events here; the previous URL is put back when the workflow is deactivated',
					},
					{
						name: 'Add as an Extra Destination',
						value: 'extra',
						description: `Keep the main URL (for example a CRM) and receive a copy of each event; at most ${MAX_EXTRA_DESTINATIONS} extra destinations per number`,
					},
				],
				description: 'How this workflow joins the webhook of the number',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: ['message', 'status'],
				options: EVENT_OPTIONS,
				description:
					'Which events start the workflow; each event is one item. Answers to Send and Wait for Response go to the executions that wait for them whatever is chosen here, and start nothing; with none chosen the trigger only carries those answers.',
			},
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				default: [],
				options: MESSAGE_TYPES.map((type) => ({ name: capitalize(type), value: type })),
				description: 'Only messages of these types; none chosen means every type',
				displayOptions: { show: { events: ['message'] } },
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: STATUS_VALUES.map((status) => ({ name: capitalize(status), value: status })),
				description: 'Only these statuses; none chosen means every status',
				displayOptions: { show: { events: ['status'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Acknowledge',
						name: 'acknowledge',
						type: 'options',
						default: 'stored',
						options: [
							{
								name: 'After the Execution Is Stored',
								value: 'stored',
								description:
									'If n8n cannot store it, 360dialog gets an error and delivers the event again later',
							},
							{
								name: 'At Once',
								value: 'atOnce',
								description:
									'Answers 360dialog before n8n stores the execution: faster under load, but an event n8n fails to store (database or Redis down, process killed) is not delivered again',
							},
						],
						description:
							'When 360dialog gets its 200. It wants an answer at once and slows down a number whose webhook answers slowly.',
					},
					{
						displayName: 'Merge Messages From One Contact Within (Seconds)',
						name: 'mergeSeconds',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: MERGE_RULES.maxSeconds },
						default: 0,
						description: `People often type one thought as several messages. With a number of seconds, messages of one contact that follow each other within it start one execution: one item whose text joins theirs in order and which keeps every message. 0 starts one per message. At most ${MERGE_RULES.maxSeconds} s; 360dialog gets its answer at once either way.`,
					},
					{
						displayName: 'Download Media',
						name: 'downloadMedia',
						type: 'boolean',
						default: false,
						description:
							'Whether to download the file of image, video, audio, document and sticker messages into the item',
					},
					{
						displayName: 'Put Media in Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'The binary field that receives the downloaded file',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationExists(
					this,
					this.getNodeWebhookUrl('default') as string,
					joinsAsExtraDestination(this),
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				await assertReachableUrl(this, url);
				await joinWebhook(this, url, joinsAsExtraDestination(this));
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				await leaveWebhook(this, this.getNodeWebhookUrl('default') as string);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}
}
