/** The real-n8n benchmarks (realN8n.bench.ts). Parts `trigger` and `inboundRate`: the trigger against n8n's Webhook node, and the inbound rates that meet 360dialog's webhook rule. */
import { Emulator } from '../../emulator/server';
import { CONTACT, cloudDelivery, MESSAGE_FIXTURES } from '../../fixtures/webhooks';
import { ownerSession, type N8nInstance } from '../../n8n/n8nHost';
import { type Row, timed, percentile, executionCount, finishedSince } from './measure';
import {
	TRIGGER_WEBHOOK_ID,
	AT_ONCE_WEBHOOK_ID,
	DELIVERIES,
	ROUNDS,
	WARM_UP,
	INBOUND_RULE,
	INBOUND_RATES,
	INBOUND_SECONDS,
} from './workflows';

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
export async function triggerBench(
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
export async function inboundRateBench(
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
