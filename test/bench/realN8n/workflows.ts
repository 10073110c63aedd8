/** The real-n8n benchmarks (realN8n.bench.ts). The benchmark workflows (each starts with a webhook) and the figures the parts share. */

import { SENTINEL_API_KEY } from '../../support/sentinel';

export const CREDENTIAL = { dialog360Api: { id: 'benchCredential1', name: '360dialog emulator' } };
export const MESSAGES = 2000;
export const LIMIT = 80;
export const TRIGGER_WEBHOOK_ID = '0000bbbb-0000-4000-8000-000000000001';
export const AT_ONCE_WEBHOOK_ID = '0000bbbb-0000-4000-8000-000000000002';
export const DELIVERIES = 1000;
export const ROUNDS = 5;
export const WARM_UP = 100;
export const HIGH_TIER = { messages: 20_000, limit: 1000, latencyMs: 150 } as const;
export type RealN8nPart = 'bulk' | 'highTier' | 'trigger' | 'inboundRate' | 'sync';

/**
 * 360dialog's rule for a webhook: a median answer of at most 250 ms and under 1 % of answers over
 * 1 s (360dialog's "Webhook Response Requirements",
 * https://docs.360dialog.com/partner/messaging/sending-and-receiving-messages/receiving-messages-via-webhook).
 * The ladder of inbound rates tried against it.
 */
export const INBOUND_RULE = { medianMs: 250, slowMs: 1000, slowShare: 0.01 } as const;
export const INBOUND_RATES = [25, 50, 100, 200] as const;
export const INBOUND_SECONDS = 6;

export type Node = Record<string, unknown>;

export function webhookNode(pathName: string, responseMode: 'lastNode' | 'onReceived'): Node {
	return {
		id: `w-${pathName}`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `0000aaaa-0000-4000-8000-${pathName
			.padStart(12, '0')
			.slice(-12)
			.replace(/[^0-9a-f]/g, 'a')}`,
		parameters: {
			httpMethod: 'POST',
			path: pathName,
			responseMode,
			...(responseMode === 'lastNode' ? { responseData: 'noData' } : {}),
			options: {},
		},
	};
}

export function chain(id: string, name: string, nodes: Node[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name as string] = {
			main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
		};
	});
	return {
		id,
		name,
		active: false,
		nodes: nodes.map((node, index) => ({ ...node, position: [index * 220, 0] })),
		connections,
		settings: { executionOrder: 'v1' },
	};
}

export const splitOut: Node = {
	id: 'split',
	name: 'Split Out',
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	parameters: { fieldToSplitOut: 'body.recipients', options: {} },
};

export function httpSend(baseUrl: string, batchPerSecond: number): Node {
	return {
		id: 'http',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${baseUrl}/messages`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'D360-API-KEY', value: SENTINEL_API_KEY }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				'={{ JSON.stringify({ messaging_product: "whatsapp", to: $json.to, type: "template", template: { name: "bench_template", language: { code: "en" }, components: [{ type: "body", parameters: [{ type: "text", text: $json.name }] }] } }) }}',
			options: batchPerSecond
				? { batching: { batch: { batchSize: batchPerSecond, batchInterval: 1000 } } }
				: {},
		},
	};
}

/** Send Template of the benchmark's template, with the send options given (defaults otherwise). */
export function packageSend(options: Record<string, number>): Node {
	return {
		id: 'send',
		name: 'Send Template',
		type: 'n8n-nodes-360dialog.dialog360',
		typeVersion: 1,
		onError: 'continueRegularOutput',
		credentials: CREDENTIAL,
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			to: '={{ $json.to }}',
			template: { __rl: true, mode: 'id', value: 'bench_template|en' },
			templateParameters: {
				mappingMode: 'defineBelow',
				value: { body_1: '={{ $json.name }}' },
				matchingColumns: [],
				schema: [],
				attemptToConvertTypes: false,
				convertFieldsToString: true,
			},
			options,
		},
	};
}

export const WORKFLOWS = (baseUrl: string) => [
	chain('benchPackageSend', 'Bench: this package sends 2,000 templates', [
		webhookNode('bench-package', 'lastNode'),
		splitOut,
		packageSend({}),
	]),
	chain('benchPackageHigh', 'Bench: this package sends 20,000 templates at the high tier', [
		webhookNode('bench-package-high', 'lastNode'),
		splitOut,
		packageSend({ messagesPerSecond: HIGH_TIER.limit }),
	]),
	chain('benchHttpHigh001', 'Bench: HTTP Request, batches of 1,000 per second', [
		webhookNode('bench-http-high', 'lastNode'),
		splitOut,
		httpSend(baseUrl, HIGH_TIER.limit),
	]),
	chain('benchHttpDefault', 'Bench: HTTP Request, default settings', [
		webhookNode('bench-http-default', 'lastNode'),
		splitOut,
		httpSend(baseUrl, 0),
	]),
	chain('benchHttpBatched', 'Bench: HTTP Request, batches of 80 per second', [
		webhookNode('bench-http-batched', 'lastNode'),
		splitOut,
		httpSend(baseUrl, LIMIT),
	]),
	chain('benchTrigger0001', 'Bench: 360dialog trigger', [
		{
			id: 'trigger',
			name: '360dialog WhatsApp Trigger',
			type: 'n8n-nodes-360dialog.dialog360Trigger',
			typeVersion: 1.1,
			webhookId: TRIGGER_WEBHOOK_ID,
			credentials: CREDENTIAL,
			parameters: { events: ['message', 'status'] },
		},
	]),
	// Joins as an extra destination, so both triggers are registered at once, each with its secret.
	chain('benchTriggerNow1', 'Bench: 360dialog trigger, Acknowledge At Once', [
		{
			id: 'trigger',
			name: '360dialog WhatsApp Trigger',
			type: 'n8n-nodes-360dialog.dialog360Trigger',
			typeVersion: 1.1,
			webhookId: AT_ONCE_WEBHOOK_ID,
			credentials: CREDENTIAL,
			parameters: {
				registerAs: 'extra',
				events: ['message', 'status'],
				options: { acknowledge: 'atOnce' },
			},
		},
	]),
	chain('benchWebhook0001', "Bench: n8n's Webhook node", [
		webhookNode('bench-webhook', 'onReceived'),
	]),
	chain('benchSync0000001', 'Bench: Template › Sync of 5,000', [
		webhookNode('bench-sync', 'lastNode'),
		{
			id: 'sync',
			name: 'Sync',
			type: 'n8n-nodes-360dialog.dialog360',
			typeVersion: 1,
			credentials: CREDENTIAL,
			parameters: { resource: 'template', operation: 'sync' },
		},
	]),
	chain('benchPaginated01', 'Bench: paginated HTTP Request of 5,000', [
		webhookNode('bench-paginated', 'lastNode'),
		{
			id: 'page',
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'GET',
				url: `${baseUrl}/v1/configs/templates`,
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'limit', value: '1000' }] },
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'D360-API-KEY', value: SENTINEL_API_KEY }] },
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [{ type: 'qs', name: 'offset', value: '={{ $pageCount * 1000 }}' }],
							},
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.waba_templates.length < 1000 }}',
						},
					},
				},
			},
		},
	]),
];
