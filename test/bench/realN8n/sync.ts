/** The real-n8n benchmarks (realN8n.bench.ts). Part `sync`: Template › Sync against a paginated HTTP Request. */
import { Emulator } from '../../emulator/server';
import { type N8nInstance } from '../../n8n/n8nHost';
import { type Row, timed } from './measure';

/** Sync of 5,000 templates against a plain paginated fetch. */
export async function syncBench(n8n: N8nInstance, emulator: Emulator): Promise<Row[]> {
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
