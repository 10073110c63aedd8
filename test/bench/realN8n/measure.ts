/** The real-n8n benchmarks (realN8n.bench.ts). Timing, percentiles, execution counts and process memory, for every part. */
import { readFileSync } from 'node:fs';

import { type N8nInstance } from '../../n8n/n8nHost';
import { pollUntil } from '../../support/poll';

export interface Row {
	label: string;
	values: string[];
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const started = performance.now();
	const result = await work();
	return { ms: performance.now() - started, result };
}

export const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Finished executions of a workflow (those still running are not counted). */
export async function executionCount(
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
 * The executions of a workflow finished since `base`, once they reach `expected` or the time is up
 * (polled every 250 ms).
 */
export async function finishedSince(
	n8n: N8nInstance,
	workflowId: string,
	cookie: string,
	base: number,
	expected: number,
	timeoutMs: number,
): Promise<number> {
	let finished = 0;
	await pollUntil(
		async () => {
			finished = (await executionCount(n8n, workflowId, cookie)) - base;
			return finished >= expected ? true : undefined;
		},
		{ timeoutMs, intervalMs: 250 },
	);
	return finished;
}

/** The resident memory of a process in MB (Linux), or NaN where /proc is not there. */
export function residentMb(pid: number | undefined): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
	} catch {
		return NaN;
	}
}
