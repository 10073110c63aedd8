/**
 * Benchmarks in a real n8n (either supported line, regular or queue mode), each next to what a user
 * would build without this package: bulk template sends against the HTTP Request node (at the
 * standard limit, and at the high tier with the n8n process's memory), the trigger against n8n's
 * own Webhook node, Template › Sync against a paginated HTTP Request. Not tests: they print.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { DELIVERY_HEADER } from '../../nodes/Dialog360/trigger/registration';
import { Emulator } from '../emulator/server';
import {
	prepareUserFolder,
	startN8n,
	startQueueCluster,
	type N8nInstance,
	type N8nLine,
	N8N_LINES,
} from '../n8n/n8nHost';
import { pollOrThrow } from '../support/poll';
import { SENTINEL_API_KEY } from '../support/sentinel';
import { type Row } from './realN8n/measure';
import { bulkBench, highTierBench } from './realN8n/sends';
import { syncBench } from './realN8n/sync';
import { triggerBench, inboundRateBench } from './realN8n/trigger';
import {
	LIMIT,
	AT_ONCE_WEBHOOK_ID,
	type RealN8nPart,
	type Node,
	WORKFLOWS,
} from './realN8n/workflows';

export { HIGH_TIER, INBOUND_RULE, type RealN8nPart } from './realN8n/workflows';
export type { Row } from './realN8n/measure';

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
		let text = '';
		await pollOrThrow(
			async () => {
				const response = await fetch(`${n8n.webhookUrl}/webhook/${webhookPath}`);
				text = await response.text();
				return response.status !== 404 || text.includes('not registered for GET')
					? true
					: undefined;
			},
			{
				timeoutMs: deadline - Date.now(),
				intervalMs: 500,
				failure: () => `n8n did not register the webhook ${webhookPath} within 180 s: ${text}`,
			},
		);
	}
}

/** The secret headers both bench triggers registered with the emulator (polled every 250 ms, 180 s). */
async function triggersRegistered(
	emulator: Emulator,
): Promise<Record<'main' | 'atOnce', Record<string, string>>> {
	return await pollOrThrow(
		() => {
			const secrets = {
				main: { ...emulator.webhook.headers },
				atOnce: {
					...emulator.multiWebhook.destinations.find((destination) =>
						destination.url.includes(AT_ONCE_WEBHOOK_ID),
					)?.headers,
				},
			};
			return secrets.main[DELIVERY_HEADER] && secrets.atOnce[DELIVERY_HEADER] ? secrets : undefined;
		},
		{
			timeoutMs: 180_000,
			intervalMs: 250,
			failure: () => 'the triggers did not register with the emulator',
		},
	);
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
