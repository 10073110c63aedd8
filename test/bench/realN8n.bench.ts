/**
 * Benchmarks in a real n8n (either supported line, regular or queue mode), each next to what a user
 * would build without this package: bulk template sends against the HTTP Request node (at the
 * standard limit, and at the high tier with the n8n process's memory), the trigger against n8n's
 * own Webhook node, Template › Sync against a paginated HTTP Request. Not tests: they print.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { DELIVERY_HEADER } from '../../nodes/Dialog360/trigger/registration';
import { Emulator } from '../emulator/server';
import { CONTACT, cloudDelivery, MESSAGE_FIXTURES } from '../fixtures/webhooks';
import {
	ownerSession,
	prepareUserFolder,
	startN8n,
	startQueueCluster,
	type N8nInstance,
	type N8nLine,
	N8N_LINES,
} from '../n8n/n8nHost';
import { SENTINEL_API_KEY } from '../support/sentinel';

const CREDENTIAL = { dialog360Api: { id: 'benchCredential1', name: '360dialog emulator' } };
const MESSAGES = 2000;
const LIMIT = 80;
const TRIGGER_WEBHOOK_ID = '0000bbbb-0000-4000-8000-000000000001';
const AT_ONCE_WEBHOOK_ID = '0000bbbb-0000-4000-8000-000000000002';
const DELIVERIES = 1000;
const ROUNDS = 5;
const WARM_UP = 100;
export const HIGH_TIER = { messages: 20_000, limit: 1000, latencyMs: 150 } as const;
export type RealN8nPart = 'bulk' | 'highTier' | 'trigger' | 'inboundRate' | 'sync';

/**
 * 360dialog's rule for a webhook: a median answer of at most 250 ms and under 1 % of answers over
 * 1 s (360dialog's "Webhook Response Requirements",
 * https://docs.360dialog.com/partner/messaging/sending-and-receiving-messages/receiving-messages-via-webhook).
 * The ladder of inbound rates tried against it.
 */
export const INBOUND_RULE = { medianMs: 250, slowMs: 1000, slowShare: 0.01 } as const;
const INBOUND_RATES = [25, 50, 100, 200] as const;
const INBOUND_SECONDS = 6;

type Node = Record<string, unknown>;

function webhookNode(pathName: string, responseMode: 'lastNode' | 'onReceived'): Node {
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

function chain(id: string, name: string, nodes: Node[]): Record<string, unknown> {
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

const splitOut: Node = {
	id: 'split',
	name: 'Split Out',
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	parameters: { fieldToSplitOut: 'body.recipients', options: {} },
};

function httpSend(baseUrl: string, batchPerSecond: number): Node {
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
function packageSend(options: Record<string, number>): Node {
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

const WORKFLOWS = (baseUrl: string) => [
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

export interface Row {
	label: string;
	values: string[];
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const started = performance.now();
	const result = await work();
	return { ms: performance.now() - started, result };
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Finished executions of a workflow (those still running are not counted). */
async function executionCount(
	n8n: N8nInstance,
	workflowId: string,
	cookie: string,
): Promise<number> {
	const response = await fetch(
		`${n8n.url}/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId, status: ['success', 'error', 'crashed'] }))}`,
		{ headers: { cookie } },
	);
	return ((await response.json()) as { data: { count: number } }).data.count;
}

/**
 * n8n 2.40 activates workflows after it says it is ready: waits (bounded) until every bench webhook
 * is registered, probing with GET, which a POST webhook refuses with "not registered for GET".
 */
async function webhooksRegistered(n8n: N8nInstance, count: number): Promise<void> {
	const paths = WORKFLOWS('http://unused')
		.flatMap((workflow) => workflow.nodes as Node[])
		.map((node) =>
			node.type === 'n8n-nodes-base.webhook'
				? (node.parameters as { path: string }).path
				: node.webhookId
					? `${node.webhookId as string}/webhook`
					: undefined,
		)
		.filter((webhookPath): webhookPath is string => webhookPath !== undefined);
	if (paths.length !== count) throw new Error('every bench workflow starts with a webhook');
	const deadline = Date.now() + 180_000;
	for (const webhookPath of paths) {
		for (;;) {
			const response = await fetch(`${n8n.webhookUrl}/webhook/${webhookPath}`);
			const text = await response.text();
			if (response.status !== 404 || text.includes('not registered for GET')) break;
			if (Date.now() > deadline)
				throw new Error(`n8n did not register the webhook ${webhookPath} within 180 s: ${text}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

/** The secret headers both bench triggers registered with the emulator (polled every 250 ms, 180 s). */
async function triggersRegistered(
	emulator: Emulator,
): Promise<Record<'main' | 'atOnce', Record<string, string>>> {
	const deadline = Date.now() + 180_000;
	for (;;) {
		const secrets = {
			main: { ...emulator.webhook.headers },
			atOnce: {
				...emulator.multiWebhook.destinations.find((destination) =>
					destination.url.includes(AT_ONCE_WEBHOOK_ID),
				)?.headers,
			},
		};
		if (secrets.main[DELIVERY_HEADER] && secrets.atOnce[DELIVERY_HEADER]) return secrets;
		if (Date.now() > deadline) throw new Error('the triggers did not register with the emulator');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * The executions of a workflow finished since `base`, once they reach `expected` or the time is up
 * (polled every 250 ms).
 */
async function finishedSince(
	n8n: N8nInstance,
	workflowId: string,
	cookie: string,
	base: number,
	expected: number,
	timeoutMs: number,
): Promise<number> {
	let finished = 0;
	for (let waited = 0; waited < timeoutMs; waited += 250) {
		finished = (await executionCount(n8n, workflowId, cookie)) - base;
		if (finished >= expected) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return finished;
}

export async function realN8nBenchmarks(
	parts: RealN8nPart[],
	mode: 'regular' | 'queue' = 'regular',
	line: N8nLine = N8N_LINES.oldest,
	extraEnv: Record<string, string> = {},
): Promise<Partial<Record<RealN8nPart, Row[]>>> {
	const emulator = new Emulator({
		apiKeys: [SENTINEL_API_KEY],
		latencyMs: 150,
		messagesPerSecond: LIMIT,
	});
	const baseUrl = await emulator.start();
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-bench-'));
	const workflows = WORKFLOWS(baseUrl).map((workflow) => {
		const file = path.join(work, `${workflow.id as string}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		return { file, id: workflow.id as string };
	});
	const userFolder = prepareUserFolder(work, line, {
		credentials: [
			{
				id: 'benchCredential1',
				name: '360dialog emulator',
				type: 'dialog360Api',
				data: { apiKey: SENTINEL_API_KEY, environment: 'custom', baseUrl },
			},
		],
		workflows,
	});
	// Queue mode: main, one worker and one webhook process with Redis, as the e2e suite runs it.
	const n8n =
		mode === 'queue'
			? await startQueueCluster(userFolder, { line })
			: await startN8n(userFolder, { line, extraEnv: { N8N_PAYLOAD_SIZE_MAX: '64', ...extraEnv } });
	await webhooksRegistered(n8n, workflows.length);
	// Both triggers register with the emulator on activation; their secrets go with every delivery.
	// n8n routes a webhook's path before the node's create() has finished, so wait for both.
	const secrets = await triggersRegistered(emulator);
	try {
		const results: Partial<Record<RealN8nPart, Row[]>> = {};
		if (parts.includes('bulk')) results.bulk = await bulkBench(n8n, emulator);
		if (parts.includes('highTier')) results.highTier = await highTierBench(n8n, emulator);
		if (parts.includes('trigger')) results.trigger = await triggerBench(n8n, emulator, secrets);
		if (parts.includes('inboundRate'))
			results.inboundRate = await inboundRateBench(n8n, emulator, secrets.main);
		if (parts.includes('sync')) results.sync = await syncBench(n8n, emulator);
		return results;
	} finally {
		await n8n.stop();
		await emulator.stop();
	}
}

/** The resident memory of a process in MB (Linux), or NaN where /proc is not there. */
function residentMb(pid: number | undefined): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
	} catch {
		return NaN;
	}
}

interface SendRun {
	seconds: number;
	lost: number;
	duplicated: number;
	rateLimited: number;
	status: number;
	/** The n8n process's resident memory before the run and its peak during it (sampled every 250 ms). */
	memoryMb: { before: number; peak: number };
}

/** Posts the recipients to a bench workflow and reads what reached the emulator. */
async function sendRun(
	n8n: N8nInstance,
	emulator: Emulator,
	pathName: string,
	messages: number,
): Promise<SendRun> {
	const recipients = Array.from({ length: messages }, (_, n) => ({
		to: `+4915112${String(n).padStart(6, '0')}`,
		name: `N${n}`,
	}));
	emulator.reset();
	emulator.seedTemplates(1, () => ({ id: 'benchTpl', name: 'bench_template', language: 'en' }));
	const before = residentMb(n8n.process.pid);
	let peak = before;
	const sampler = setInterval(() => {
		peak = Math.max(peak, residentMb(n8n.process.pid));
	}, 250);
	const { ms, result: status } = await timed(async () => {
		const response = await fetch(`${n8n.webhookUrl}/webhook/${pathName}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ recipients }),
		});
		await response.arrayBuffer();
		return response.status;
	}).finally(() => clearInterval(sampler));
	const names = emulator.sent.map(
		(message) =>
			(message.payload.template as { components: Array<{ parameters: Array<{ text: string }> }> })
				.components[0].parameters[0].text,
	);
	const distinct = new Set(names);
	return {
		seconds: ms / 1000,
		lost: messages - distinct.size,
		duplicated: names.length - distinct.size,
		rateLimited: emulator.rateLimited,
		status,
		memoryMb: { before, peak },
	};
}

async function bulkBench(n8n: N8nInstance, emulator: Emulator): Promise<Row[]> {
	const bulk: Row[] = [];
	for (const [label, pathName] of [
		['this package (Send Template, defaults: 80/s, automatic concurrency)', 'bench-package'],
		['HTTP Request node, default settings', 'bench-http-default'],
		['HTTP Request node, batches of 80 per second', 'bench-http-batched'],
	] as const) {
		const run = await sendRun(n8n, emulator, pathName, MESSAGES);
		const ceiling = MESSAGES / LIMIT;
		bulk.push({
			label,
			values: [
				`${run.seconds.toFixed(1)} s`,
				`${ceiling.toFixed(1)} s`,
				`${(run.seconds / ceiling).toFixed(2)} ×`,
				String(run.lost),
				String(run.duplicated),
				String(run.rateLimited),
				String(run.status),
			],
		});
	}
	return bulk;
}

/**
 * 360dialog's high tier through n8n: 20,000 templates, limit 1,000/s, 150 ms latency, this package
 * against the HTTP Request node in batches of 1,000 per second; wall time and the n8n process's memory.
 */
async function highTierBench(n8n: N8nInstance, emulator: Emulator): Promise<Row[]> {
	emulator.latencyMs = HIGH_TIER.latencyMs;
	emulator.messagesPerSecond = HIGH_TIER.limit;
	const rows: Row[] = [];
	try {
		for (const [label, pathName] of [
			[
				'this package (Send Template, Messages per Second 1,000, automatic concurrency)',
				'bench-package-high',
			],
			['HTTP Request node, batches of 1,000 per second', 'bench-http-high'],
		] as const) {
			const run = await sendRun(n8n, emulator, pathName, HIGH_TIER.messages);
			const ceiling = HIGH_TIER.messages / HIGH_TIER.limit;
			rows.push({
				label,
				values: [
					`${run.seconds.toFixed(1)} s`,
					`${(run.seconds / ceiling).toFixed(2)} ×`,
					String(run.lost),
					String(run.duplicated),
					String(run.rateLimited),
					`${run.memoryMb.before.toFixed(0)} MB`,
					`${run.memoryMb.peak.toFixed(0)} MB`,
					String(run.status),
				],
			});
		}
	} finally {
		emulator.latencyMs = 150;
		emulator.messagesPerSecond = LIMIT;
	}
	return rows;
}

/** One inbound text message delivered to a receiver, and how long its answer took. */
async function postDelivery(
	url: string,
	headers: Record<string, string>,
	messageId: string,
): Promise<{ ms: number; status: number }> {
	const body = JSON.stringify(
		cloudDelivery({
			contacts: [CONTACT],
			messages: [{ ...MESSAGE_FIXTURES.text, id: messageId }],
		}),
	);
	const { ms, result } = await timed(async () => {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});
		await response.arrayBuffer();
		return response.status;
	});
	return { ms, status: result };
}

/** 1,000 deliveries from 20 concurrent senders to each receiver; the ratio is to the Webhook node's p99. */
async function triggerBench(
	n8n: N8nInstance,
	emulator: Emulator,
	secrets: Record<'main' | 'atOnce', Record<string, string>>,
): Promise<Row[]> {
	emulator.reset();
	const { cookie } = await ownerSession(n8n.url);
	await new Promise((resolve) => setTimeout(resolve, 500));
	const receivers = [
		[
			'360dialog WhatsApp Trigger (Acknowledge: After the Execution Is Stored, the default)',
			`${n8n.webhookUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`,
			'benchTrigger0001',
			secrets.main,
		],
		[
			'360dialog WhatsApp Trigger (Acknowledge: At Once)',
			`${n8n.webhookUrl}/webhook/${AT_ONCE_WEBHOOK_ID}/webhook`,
			'benchTriggerNow1',
			secrets.atOnce,
		],
		[
			"n8n's Webhook node (Respond: Immediately)",
			`${n8n.webhookUrl}/webhook/bench-webhook`,
			'benchWebhook0001',
			{},
		],
	] as const;
	// Each receiver is warmed up first, then the 1,000 go in 5 rounds of 200 whose order rotates, so
	// neither start-up nor whatever else the machine does at one moment lands on one receiver.
	const sent = new Map<string, number>();
	const latencies = new Map<string, number[]>(
		receivers.map(([, , workflowId]) => [workflowId, []]),
	);
	const failures = new Map<string, number>();
	const before = new Map<string, number>();
	// From a batch's first delivery to its last execution finished: what n8n gets through per second.
	const busyMs = new Map<string, number>();
	for (const [, , workflowId] of receivers)
		before.set(workflowId, await executionCount(n8n, workflowId, cookie));
	async function deliver(
		url: string,
		workflowId: string,
		headers: Record<string, string>,
		count: number,
		record: boolean,
	): Promise<void> {
		let remaining = count;
		await Promise.all(
			Array.from({ length: 20 }, async () => {
				while (remaining > 0) {
					remaining--;
					const n = (sent.get(workflowId) ?? 0) + 1;
					sent.set(workflowId, n);
					const { ms, status } = await postDelivery(url, headers, `wamid.bench${workflowId}${n}`);
					if (status !== 200) failures.set(workflowId, (failures.get(workflowId) ?? 0) + 1);
					if (record) latencies.get(workflowId)?.push(ms);
				}
			}),
		);
	}
	/** Executions of the receiver's deliveries so far, once n8n has finished them (bounded wait). */
	async function drained(workflowId: string): Promise<number> {
		return await finishedSince(
			n8n,
			workflowId,
			cookie,
			before.get(workflowId) ?? 0,
			sent.get(workflowId) ?? 0,
			60_000,
		);
	}
	// A receiver that answers before its executions are stored leaves them running; the next batch
	// starts when they have finished, so it is not measured against another receiver's backlog.
	for (const [, url, workflowId, headers] of receivers) {
		await deliver(url, workflowId, headers, WARM_UP, false);
		await drained(workflowId);
	}
	for (let round = 0; round < ROUNDS; round++) {
		const order = receivers.map((_, index) => receivers[(index + round) % receivers.length]);
		for (const [, url, workflowId, headers] of order) {
			const { ms } = await timed(async () => {
				await deliver(url, workflowId, headers, DELIVERIES / ROUNDS, true);
				await drained(workflowId);
			});
			busyMs.set(workflowId, (busyMs.get(workflowId) ?? 0) + ms);
		}
	}
	const rows: Array<Row & { p99: number }> = [];
	for (const [label, , workflowId] of receivers) {
		const started = (await drained(workflowId)) - WARM_UP;
		const sorted = (latencies.get(workflowId) ?? []).sort((a, b) => a - b);
		const p99 = percentile(sorted, 99);
		rows.push({
			label,
			p99,
			values: [
				`${percentile(sorted, 50).toFixed(1)} ms`,
				`${p99.toFixed(1)} ms`,
				String(started),
				String(failures.get(workflowId) ?? 0),
				`${(DELIVERIES / ((busyMs.get(workflowId) ?? 1) / 1000)).toFixed(0)} / s`,
			],
		});
	}
	const webhookP99 = rows[rows.length - 1].p99;
	return rows.map(({ label, values, p99 }) => ({
		label,
		values: [...values, `${(p99 / webhookP99).toFixed(2)} ×`],
	}));
}

/**
 * Deliveries at a steady rate, as 360dialog sends them (each on time, whether or not the previous
 * one was answered), to the trigger with its default acknowledgement: 6 s per rate, rising until a
 * rate misses 360dialog's rule; the next rate starts once n8n has finished the last one's executions.
 */
async function inboundRateBench(
	n8n: N8nInstance,
	emulator: Emulator,
	headers: Record<string, string>,
): Promise<Row[]> {
	emulator.reset();
	const { cookie } = await ownerSession(n8n.url);
	const url = `${n8n.webhookUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
	const workflowId = 'benchTrigger0001';
	const rows: Row[] = [];
	let sent = 0;
	const base = await executionCount(n8n, workflowId, cookie);
	for (const rate of INBOUND_RATES) {
		const count = rate * INBOUND_SECONDS;
		const started = performance.now();
		const answers: Array<Promise<{ ms: number; status: number }>> = [];
		for (let n = 0; n < count; n++) {
			const due = started + (n * 1000) / rate;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
			sent++;
			answers.push(postDelivery(url, headers, `wamid.rate${rate}.${n}`));
		}
		const results = await Promise.all(answers);
		await finishedSince(n8n, workflowId, cookie, base, sent, 120_000);
		const sorted = results.map((result) => result.ms).sort((a, b) => a - b);
		const median = percentile(sorted, 50);
		const slow = sorted.filter((ms) => ms > INBOUND_RULE.slowMs).length / sorted.length;
		const failed = results.filter((result) => result.status !== 200).length;
		const meets = median <= INBOUND_RULE.medianMs && slow < INBOUND_RULE.slowShare && failed === 0;
		rows.push({
			label: `${rate} deliveries per second for ${INBOUND_SECONDS} s`,
			values: [
				`${median.toFixed(0)} ms`,
				`${percentile(sorted, 99).toFixed(0)} ms`,
				`${(slow * 100).toFixed(1)} %`,
				String(failed),
				meets ? 'yes' : 'no',
			],
		});
		if (!meets) break;
	}
	return rows;
}

/** Sync of 5,000 templates against a plain paginated fetch. */
async function syncBench(n8n: N8nInstance, emulator: Emulator): Promise<Row[]> {
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
			const response = await fetch(`${n8n.webhookUrl}/webhook/${pathName}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			await response.arrayBuffer();
		});
		sync.push({
			label,
			values: [
				String(emulator.requestsTo('GET', '/v1/configs/templates').length - before),
				`${(ms / 1000).toFixed(2)} s`,
			],
		});
	}
	return sync;
}
