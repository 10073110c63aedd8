/**
 * `npm run bench`: benchmarks, not tests. Prints Markdown tables for the README.
 * `npm run bench -- --quick` leaves out the long one-at-a-time comparison;
 * `--only=core|n8n|trigger|footprint` runs one part.
 */
import os from 'node:os';

import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_ROOT, packPackage } from '../n8n/n8nHost';
import { bulkSend, type BulkSendResult } from './bulkSend.bench';
import { realN8nBenchmarks, type Row } from './realN8n.bench';

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

function triggerTable(setup: string, rows: Row[]): void {
	console.log(
		`\nIn a real n8n 2.8.4 (${setup}): 1,000 deliveries from 20 concurrent senders to each receiver (after 100 to warm up; 5 rounds of 200, order rotating, the next batch once the executions of the last have finished)\n`,
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

async function main() {
	const quick = process.argv.includes('--quick');
	const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);
	console.log(
		`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString()}`,
	);
	if (!only || only === 'core') {
		console.log(
			'\nBulk send through n8n-core to the emulator (150 ms latency; ceiling = messages / the real limit)\n',
		);
		console.log(
			'| run | messages | wall time | ceiling | ratio | lost | duplicated | 429s seen | error items |',
		);
		console.log('|---|---|---|---|---|---|---|---|---|');
		console.log(
			row(await bulkSend('defaults (80/s, automatic concurrency), limit 80/s', MESSAGES, {})),
		);
		console.log(
			row(await bulkSend('defaults (80/s configured), real limit 40/s', MESSAGES, {}, 40)),
		);
		console.log(
			row(
				await bulkSend(
					'high tier: 1,000/s configured, automatic concurrency, limit 1,000/s, emulator in its own process',
					HIGH_TIER_MESSAGES,
					{ messagesPerSecond: 1000 },
					1000,
					150,
					{ separateEmulator: true },
				),
			),
		);
		console.log(
			row(
				await bulkSend('no pacing (0/s, automatic concurrency: 20), limit 80/s', MESSAGES, {
					messagesPerSecond: 0,
				}),
			),
		);
		if (!quick)
			console.log(
				row(
					await bulkSend('one request at a time, limit 80/s', MESSAGES, {
						maxConcurrent: 1,
						messagesPerSecond: 0,
					}),
				),
			);
	}
	const parts =
		!only || only === 'n8n'
			? (['bulk', 'trigger', 'sync'] as const)
			: only === 'trigger'
				? (['trigger'] as const)
				: [];
	if (parts.length) {
		const results = await realN8nBenchmarks([...parts]);
		if (results.bulk) {
			console.log(
				'\nIn a real n8n 2.8.4: 2,000 template messages, emulator limited to 80 messages/s with 150 ms latency\n',
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
		if (results.trigger) triggerTable('regular mode', results.trigger);
		if (results.sync) {
			console.log('\nIn a real n8n 2.8.4: 5,000 templates\n');
			table(['run', 'requests made', 'wall time'], results.sync);
		}
		const queued = await realN8nBenchmarks(['trigger'], 'queue');
		if (queued.trigger)
			triggerTable('queue mode: main, one worker and one webhook process, Redis', queued.trigger);
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
