/**
 * `npm run bench`: benchmarks, not tests. Prints Markdown tables for the README.
 * `npm run bench -- --quick` runs the one-at-a-time comparison on 200 messages instead of 2,000.
 */
import os from 'node:os';

import { bulkSend, type BulkSendResult } from './bulkSend.bench';

const MESSAGES = 2000;

function row(result: BulkSendResult): string {
	const ratio = result.wallSeconds / result.ceilingSeconds;
	return `| ${result.label} | ${result.messages} | ${result.wallSeconds.toFixed(1)} s | ${result.ceilingSeconds.toFixed(1)} s | ${ratio.toFixed(2)} × | ${result.lost} | ${result.duplicated} | ${result.rateLimited} | ${result.errorItems} |`;
}

async function main() {
	const quick = process.argv.includes('--quick');
	console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString()}`);
	console.log('\nBulk send through n8n-core to the emulator (80 messages/s limit, 150 ms latency)\n');
	console.log('| run | messages | wall time | ceiling (n / 80) | ratio | lost | duplicated | 429s seen | error items |');
	console.log('|---|---|---|---|---|---|---|---|---|');
	console.log(row(await bulkSend('this package, defaults (80/s, 20 concurrent)', MESSAGES, {})));
	console.log(row(await bulkSend('this package, no pacing (0/s, 20 concurrent)', MESSAGES, { messagesPerSecond: 0 })));
	console.log(row(await bulkSend('one request at a time', quick ? 200 : MESSAGES, { maxConcurrent: 1, messagesPerSecond: 0 })));
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
