/**
 * `npm run bench`: benchmarks, not tests. Prints Markdown tables for the README.
 * `npm run bench -- --quick` leaves out the long one-at-a-time comparison;
 * `--only=core|n8n|hightier|trigger|footprint` runs one part (`n8n`: every real-n8n part);
 * `--row=<text>` runs only the core rows whose label contains the text (`--row='high tier:'`).
 */
import os from 'node:os';

import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import path from 'node:path';

import { N8N_LINES, PACKAGE_ROOT, packPackage, type N8nLine } from '../n8n/n8nHost';
import { bulkSend, type BulkSendResult } from './bulkSend.bench';
import {
	HIGH_TIER,
	INBOUND_RULE,
	realN8nBenchmarks,
	type RealN8nPart,
	type Row,
} from './realN8n.bench';

const MESSAGES = 2000;
const HIGH_TIER_MESSAGES = 20_000;

function row(result: BulkSendResult): string {
	const ratio = result.wallSeconds / result.ceilingSeconds;
	return `| ${result.label} | ${result.messages} | ${result.wallSeconds.toFixed(1)} s | ${result.ceilingSeconds.toFixed(1)} s | ${ratio.toFixed(2)} × | ${result.lost} | ${result.duplicated} | ${result.rateLimited} | ${result.errorItems} |`;
}

function table(header: string[], rows: Row[]): void {
	console.log(`| ${header.join(' | ')} |`);
	console.log(`|${header.map(() => '---').join('|')}|`);
	for (const row of rows) console.log(`| ${row.label} | ${row.values.join(' | ')} |`);
}

function triggerTable(line: N8nLine, setup: string, rows: Row[]): void {
	console.log(
		`\nIn a real n8n ${line.version} (${setup}): 1,000 deliveries from 20 concurrent senders to each receiver (after 100 to warm up; 5 rounds of 200, order rotating, the next batch once the executions of the last have finished)\n`,
	);
	table(
		[
			'receiver',
			'p50 acknowledgement',
			'p99 acknowledgement',
			'executions started',
			'non-200 answers',
			'executions finished per second',
			'p99 ratio to the Webhook node',
		],
		rows,
	);
}

function inboundTable(line: N8nLine, setup: string, rows: Row[]): void {
	console.log(
		`\nIn a real n8n ${line.version} (${setup}): deliveries at a steady rate to the trigger (default acknowledgement); 360dialog's rule is a median answer of at most ${INBOUND_RULE.medianMs} ms and under ${INBOUND_RULE.slowShare * 100} % over ${INBOUND_RULE.slowMs / 1000} s\n`,
	);
	table(
		['rate', 'median answer', 'p99 answer', 'over 1 s', 'non-200 answers', 'meets the rule'],
		rows,
	);
}

/** The tarball's size and the time Node takes to load the node and credential files (5 fresh processes). */
function footprint(): Row[] {
	const tarball = packPackage(mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-footprint-')));
	const files = [
		'dist/nodes/Dialog360/Dialog360.node.js',
		'dist/nodes/Dialog360/Dialog360Trigger.node.js',
		'dist/credentials/Dialog360Api.credentials.js',
	];
	const script = `const t = process.hrtime.bigint(); for (const f of ${JSON.stringify(files)}) require(require('path').resolve(f)); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
	const times = Array.from({ length: 5 }, () =>
		Number(
			execFileSync(process.execPath, ['-e', script], {
				cwd: PACKAGE_ROOT,
				encoding: 'utf8',
			}).trim(),
		),
	).sort((a, b) => a - b);
	return [
		{ label: 'packed tarball', values: [`${(statSync(tarball).size / 1024).toFixed(1)} KB`] },
		{
			label: 'require the two nodes and the credential (median of 5)',
			values: [`${times[2].toFixed(0)} ms`],
		},
	];
}

/** The machine's load average over 1, 5 and 15 minutes: the figures move with it. */
function loadAverage(): string {
	return os
		.loadavg()
		.map((load) => load.toFixed(2))
		.join(' ');
}

type CoreRow = [label: string, run: (label: string) => Promise<BulkSendResult>];

/** The rows of the core part, each run on its own by `--row=<part of its label>`. */
function coreRows(quick: boolean): CoreRow[] {
	const highTier = { messagesPerSecond: 1000 };
	return [
		[
			'defaults (80/s, automatic concurrency), limit 80/s',
			(label) => bulkSend(label, MESSAGES, {}),
		],
		...(
			[
				['templates through the Cloud API (/messages), defaults, limit 80/s', 'messages'],
				[
					'templates through Marketing Messages Lite (/marketing_messages), defaults, limit 80/s',
					'marketing_messages',
				],
			] as const
		).map(([label, through]): CoreRow => [
			label,
			(label) => bulkSend(label, MESSAGES, {}, 80, 150, { templateThrough: through }),
		]),
		['defaults (80/s configured), real limit 40/s', (label) => bulkSend(label, MESSAGES, {}, 40)],
		[
			'high tier: 1,000/s configured, automatic concurrency, limit 1,000/s, emulator in its own process',
			(label) =>
				bulkSend(label, HIGH_TIER_MESSAGES, highTier, 1000, 150, { separateEmulator: true }),
		],
		[
			'high tier settings, 2,000 messages to 20 contacts (100 each, in item order per contact: ceiling 100 × 150 ms)',
			(label) =>
				bulkSend(label, MESSAGES, highTier, 1000, 150, { separateEmulator: true, contacts: 20 }),
		],
		[
			'no pacing (0/s, automatic concurrency: 20), limit 80/s',
			(label) => bulkSend(label, MESSAGES, { messagesPerSecond: 0 }),
		],
		...(quick
			? []
			: [
					[
						'one request at a time, limit 80/s',
						(label: string) =>
							bulkSend(label, MESSAGES, { maxConcurrent: 1, messagesPerSecond: 0 }),
					] as CoreRow,
				]),
	];
}

async function main() {
	const quick = process.argv.includes('--quick');
	const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);
	const rowFilter = process.argv.find((arg) => arg.startsWith('--row='))?.slice(6);
	console.log(
		`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString()}, load average ${loadAverage()}`,
	);
	if (!only || only === 'core') {
		console.log(
			'\nBulk send through n8n-core to the emulator (150 ms latency; ceiling = messages / the real limit, or the answer times of the busiest contact if longer)\n',
		);
		console.log(
			'| run | messages | wall time | ceiling | ratio | lost | duplicated | 429s seen | error items |',
		);
		console.log('|---|---|---|---|---|---|---|---|---|');
		for (const [label, run] of coreRows(quick)) {
			if (rowFilter && !label.includes(rowFilter)) continue;
			console.log(row(await run(label)));
		}
		console.log(`\nLoad average after the core rows: ${loadAverage()}`);
	}
	const wants = (part: string) => !only || only === 'n8n' || only === part;
	const optionName = (part: RealN8nPart) =>
		part === 'highTier' ? 'hightier' : part === 'inboundRate' ? 'trigger' : part;
	const oldestParts = (['bulk', 'trigger', 'inboundRate', 'sync'] as RealN8nPart[]).filter((part) =>
		wants(optionName(part)),
	);
	const currentParts = (['highTier', 'trigger', 'inboundRate'] as RealN8nPart[]).filter((part) =>
		wants(optionName(part)),
	);
	for (const [line, parts] of [
		[N8N_LINES.oldest, oldestParts],
		[N8N_LINES.current, currentParts],
	] as const) {
		if (!parts.length) continue;
		const results = await realN8nBenchmarks([...parts], 'regular', line);
		if (results.bulk) {
			console.log(
				`\nIn a real n8n ${line.version}: 2,000 template messages, emulator limited to 80 messages/s with 150 ms latency\n`,
			);
			table(
				[
					'run',
					'wall time',
					'ceiling (2,000 / 80)',
					'ratio',
					'lost',
					'duplicated',
					'429s seen',
					'HTTP status of the run',
				],
				results.bulk,
			);
		}
		if (results.highTier) {
			console.log(
				`\nIn a real n8n ${line.version} (regular mode): the high tier, ${HIGH_TIER.messages.toLocaleString('en')} template messages, emulator limited to ${HIGH_TIER.limit.toLocaleString('en')} messages/s with ${HIGH_TIER.latencyMs} ms latency (ceiling ${HIGH_TIER.messages / HIGH_TIER.limit} s); memory is the n8n process's resident set\n`,
			);
			table(
				[
					'run',
					'wall time',
					'ratio',
					'lost',
					'duplicated',
					'429s seen',
					'n8n memory before',
					'n8n memory peak',
					'HTTP status of the run',
				],
				results.highTier,
			);
		}
		if (results.trigger) triggerTable(line, 'regular mode', results.trigger);
		if (results.inboundRate) inboundTable(line, 'regular mode', results.inboundRate);
		if (results.sync) {
			console.log(`\nIn a real n8n ${line.version}: 5,000 templates\n`);
			table(['run', 'requests made', 'wall time'], results.sync);
		}
		const inbound = parts.filter((part) => part === 'trigger' || part === 'inboundRate');
		// n8n 2.40 gives every webhook of a node other than its own Webhook node an expression isolate
		// for the whole request (live-webhooks.js, webhookPhaseNeedsIsolate) and disposes it after use
		// (@n8n/expression-runtime's IsolatePool.release), so each request costs a new isolate whatever
		// the pool size; only acquiring isolates when an expression needs one removes that cost.
		// https://docs.n8n.io/hosting/configuration/environment-variables/expression-engine/
		if (line === N8N_LINES.current && inbound.length) {
			const lazy = await realN8nBenchmarks(inbound, 'regular', line, {
				N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
			});
			const setup = 'regular mode, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true';
			if (lazy.trigger) triggerTable(line, setup, lazy.trigger);
			if (lazy.inboundRate) inboundTable(line, setup, lazy.inboundRate);
		}
		const queueParts = inbound;
		if (queueParts.length) {
			const queued = await realN8nBenchmarks(queueParts, 'queue', line);
			const setup = 'queue mode: main, one worker and one webhook process, Redis';
			if (queued.trigger) triggerTable(line, setup, queued.trigger);
			if (queued.inboundRate) inboundTable(line, setup, queued.inboundRate);
		}
	}
	if (!only || only === 'footprint') {
		console.log('\nFootprint\n');
		table(['what', 'size or time'], footprint());
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
