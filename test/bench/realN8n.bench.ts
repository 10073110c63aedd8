/**
 * Benchmarks in a real n8n (the oldest supported line, regular mode), each next to what a user would
 * build without this package: bulk template sends against the HTTP Request node, the trigger against
 * n8n's own Webhook node, Template › Sync against a paginated HTTP Request. Not tests: they print.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Emulator } from '../emulator/server';
import { CONTACT, cloudDelivery, MESSAGE_FIXTURES } from '../fixtures/webhooks';
import { ensureN8nInstalled, installPackage, n8nCli, ownerSession, packPackage, startN8n, type N8nInstance, N8N_LINES } from '../n8n/n8nHost';
import { SENTINEL_API_KEY } from '../support/sentinel';

const CREDENTIAL = { dialog360Api: { id: 'benchCredential1', name: '360dialog emulator' } };
const MESSAGES = 2000;
const LIMIT = 80;

type Node = Record<string, unknown>;

function webhookNode(pathName: string, responseMode: 'lastNode' | 'onReceived'): Node {
	return {
		id: `w-${pathName}`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `0000aaaa-0000-4000-8000-${pathName.padStart(12, '0').slice(-12).replace(/[^0-9a-f]/g, 'a')}`,
		parameters: { httpMethod: 'POST', path: pathName, responseMode, ...(responseMode === 'lastNode' ? { responseData: 'noData' } : {}), options: {} },
	};
}

function chain(id: string, name: string, nodes: Node[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name as string] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	});
	return { id, name, active: false, nodes: nodes.map((node, index) => ({ ...node, position: [index * 220, 0] })), connections, settings: { executionOrder: 'v1' } };
}

const splitOut: Node = { id: 'split', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'body.recipients', options: {} } };

function httpSend(baseUrl: string, batching: boolean): Node {
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
			options: batching ? { batching: { batch: { batchSize: LIMIT, batchInterval: 1000 } } } : {},
		},
	};
}

const WORKFLOWS = (baseUrl: string) => [
	chain('benchPackageSend', 'Bench: this package sends 2,000 templates', [
		webhookNode('bench-package', 'lastNode'),
		splitOut,
		{
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
				templateParameters: { mappingMode: 'defineBelow', value: { body_1: '={{ $json.name }}' }, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: true },
				options: {},
			},
		},
	]),
	chain('benchHttpDefault', 'Bench: HTTP Request, default settings', [webhookNode('bench-http-default', 'lastNode'), splitOut, httpSend(baseUrl, false)]),
	chain('benchHttpBatched', 'Bench: HTTP Request, batches of 80 per second', [webhookNode('bench-http-batched', 'lastNode'), splitOut, httpSend(baseUrl, true)]),
	chain('benchTrigger0001', 'Bench: 360dialog trigger', [
		{ id: 'trigger', name: '360dialog WhatsApp Trigger', type: 'n8n-nodes-360dialog.dialog360Trigger', typeVersion: 1, webhookId: '0000bbbb-0000-4000-8000-000000000001', credentials: CREDENTIAL, parameters: { events: ['message', 'status'] } },
	]),
	chain('benchWebhook0001', "Bench: n8n's Webhook node", [webhookNode('bench-webhook', 'onReceived')]),
	chain('benchSync0000001', 'Bench: Template › Sync of 5,000', [webhookNode('bench-sync', 'lastNode'), { id: 'sync', name: 'Sync', type: 'n8n-nodes-360dialog.dialog360', typeVersion: 1, credentials: CREDENTIAL, parameters: { resource: 'template', operation: 'sync' } }]),
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
							parameters: { parameters: [{ type: 'qs', name: 'offset', value: '={{ $pageCount * 1000 }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.waba_templates.length < 1000 }}',
						},
					},
				},
			},
		},
	]),
];

export interface Row {
	label: string;
	values: string[];
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const started = performance.now();
	const result = await work();
	return { ms: performance.now() - started, result };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function executionCount(n8n: N8nInstance, workflowId: string, cookie: string): Promise<number> {
	const response = await fetch(`${n8n.url}/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`, { headers: { cookie } });
	return ((await response.json()) as { data: { count: number } }).data.count;
}

export async function realN8nBenchmarks(): Promise<{ bulk: Row[]; trigger: Row[]; sync: Row[] }> {
	const emulator = new Emulator({ apiKeys: [SENTINEL_API_KEY], latencyMs: 150, messagesPerSecond: LIMIT });
	const baseUrl = await emulator.start();
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-bench-'));
	const line = N8N_LINES.oldest;
	ensureN8nInstalled(line);
	const userFolder = path.join(work, 'user');
	installPackage(userFolder, packPackage(path.join(work, 'pack')));
	writeFileSync(path.join(work, 'credentials.json'), JSON.stringify([{ id: 'benchCredential1', name: '360dialog emulator', type: 'dialog360Api', data: { apiKey: SENTINEL_API_KEY, environment: 'custom', baseUrl } }]));
	n8nCli(userFolder, ['import:credentials', `--input=${path.join(work, 'credentials.json')}`], line);
	for (const workflow of WORKFLOWS(baseUrl)) {
		const file = path.join(work, `${workflow.id as string}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		n8nCli(userFolder, ['import:workflow', `--input=${file}`], line);
		n8nCli(userFolder, ['publish:workflow', `--id=${workflow.id as string}`], line);
	}
	const n8n = await startN8n(userFolder, { line, extraEnv: { N8N_PAYLOAD_SIZE_MAX: '64' } });
	const { cookie } = await ownerSession(n8n.url);
	// The trigger registered with the emulator on activation; its secret goes with every delivery.
	const triggerSecret = emulator.webhook.headers['x-n8n-360dialog-secret'];
	try {
		if (!triggerSecret) throw new Error('the trigger did not register with the emulator');
		emulator.seedTemplates(1, () => ({ id: 'benchTpl', name: 'bench_template', language: 'en' }));
		const recipients = Array.from({ length: MESSAGES }, (_, n) => ({ to: `+4915112${String(n).padStart(6, '0')}`, name: `N${n}` }));

		const bulk: Row[] = [];
		for (const [label, pathName] of [
			['this package (Send Template, defaults: 80/s, 20 concurrent)', 'bench-package'],
			['HTTP Request node, default settings', 'bench-http-default'],
			['HTTP Request node, batches of 80 per second', 'bench-http-batched'],
		] as const) {
			emulator.reset();
			emulator.seedTemplates(1, () => ({ id: 'benchTpl', name: 'bench_template', language: 'en' }));
			const { ms, result: status } = await timed(async () => {
				const response = await fetch(`${n8n.url}/webhook/${pathName}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ recipients }) });
				await response.arrayBuffer();
				return response.status;
			});
			const names = emulator.sent.map((message) => ((message.payload.template as { components: Array<{ parameters: Array<{ text: string }> }> }).components[0].parameters[0].text));
			const distinct = new Set(names);
			bulk.push({
				label,
				values: [`${(ms / 1000).toFixed(1)} s`, `${(MESSAGES / LIMIT).toFixed(1)} s`, `${(ms / 1000 / (MESSAGES / LIMIT)).toFixed(2)} ×`, String(MESSAGES - distinct.size), String(names.length - distinct.size), String(emulator.rateLimited), String(status)],
			});
		}

		// Trigger: 1,000 deliveries from 20 concurrent senders, against the Webhook node in the same run.
		emulator.reset();
		await new Promise((resolve) => setTimeout(resolve, 500));
		const triggerUrl = `${n8n.url}/webhook/0000bbbb-0000-4000-8000-000000000001/webhook`;
		const trigger: Row[] = [];
		for (const [label, url, workflowId, headers] of [
			['360dialog WhatsApp Trigger', triggerUrl, 'benchTrigger0001', { 'x-n8n-360dialog-secret': triggerSecret }],
			["n8n's Webhook node", `${n8n.url}/webhook/bench-webhook`, 'benchWebhook0001', {}],
		] as const) {
			const before = await executionCount(n8n, workflowId, cookie);
			const latencies: number[] = [];
			let next = 0;
			let failed = 0;
			await Promise.all(
				Array.from({ length: 20 }, async () => {
					while (next < 1000) {
						const n = next++;
						const body = JSON.stringify(cloudDelivery({ contacts: [CONTACT], messages: [{ ...MESSAGE_FIXTURES.text, id: `wamid.bench${workflowId}${n}` }] }));
						const { ms, result } = await timed(async () => {
							const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
							await response.arrayBuffer();
							return response.status;
						});
						if (result !== 200) failed++;
						latencies.push(ms);
					}
				}),
			);
			let started = 0;
			for (let waited = 0; waited < 60_000; waited += 500) {
				started = (await executionCount(n8n, workflowId, cookie)) - before;
				if (started >= 1000) break;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			latencies.sort((a, b) => a - b);
			trigger.push({ label, values: [`${percentile(latencies, 50).toFixed(1)} ms`, `${percentile(latencies, 99).toFixed(1)} ms`, String(started), String(failed)] });
		}
		const ratio = Number.parseFloat(trigger[0].values[1]) / Number.parseFloat(trigger[1].values[1]);
		trigger[0].values.push(`${ratio.toFixed(2)} ×`);
		trigger[1].values.push('1.00 ×');

		// Sync of 5,000 templates against a plain paginated fetch.
		emulator.reset();
		emulator.latencyMs = 0;
		emulator.seedTemplates(5000);
		const sync: Row[] = [];
		for (const [label, pathName] of [
			['this package (Template › Sync)', 'bench-sync'],
			['HTTP Request node with pagination', 'bench-paginated'],
		] as const) {
			const before = emulator.requestsTo('GET', '/v1/configs/templates').length;
			const { ms } = await timed(async () => {
				const response = await fetch(`${n8n.url}/webhook/${pathName}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
				await response.arrayBuffer();
			});
			sync.push({ label, values: [String(emulator.requestsTo('GET', '/v1/configs/templates').length - before), `${(ms / 1000).toFixed(2)} s`] });
		}
		return { bulk, trigger, sync };
	} finally {
		await n8n.stop();
		await emulator.stop();
	}
}
