/** The real-n8n benchmarks (realN8n.bench.ts). Parts `bulk` and `highTier`: bulk template sends against the HTTP Request node, at the standard limit and at the high tier. */
import { Emulator } from '../../emulator/server';
import { type N8nInstance } from '../../n8n/n8nHost';
import { type Row, timed, residentMb } from './measure';
import { MESSAGES, LIMIT, HIGH_TIER } from './workflows';

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

export async function bulkBench(n8n: N8nInstance, emulator: Emulator): Promise<Row[]> {
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
export async function highTierBench(n8n: N8nInstance, emulator: Emulator): Promise<Row[]> {
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
