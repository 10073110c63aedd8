import type { IExecuteFunctions } from 'n8n-workflow';

import { PACE_RULES, pacerOf, RatePacer } from '../../nodes/Dialog360/transport/pacer';
import { runItems } from '../../nodes/Dialog360/transport/runner';

/** Just what runItems asks of n8n's execution context. */
function fakeContext(): IExecuteFunctions {
	return {
		continueOnFail: () => true,
		getNode: () => ({ name: 'WhatsApp', type: 'test', typeVersion: 1, position: [0, 0] }),
	} as unknown as IExecuteFunctions;
}

/**
 * Runs items whose answers take `answerMs` by the pacer's account (the run's real time does not
 * matter), and records how many were in flight, and how many had finished, as each one started.
 */
async function runRecordingConcurrency(itemCount: number, answerMs: number) {
	const ctx = fakeContext();
	let inFlight = 0;
	let finished = 0;
	const starts: Array<{ inFlight: number; finished: number }> = [];
	await runItems(
		ctx,
		itemCount,
		async () => {
			inFlight++;
			starts.push({ inFlight, finished });
			await new Promise((resolve) => setImmediate(resolve));
			pacerOf(ctx)?.answered(answerMs);
			inFlight--;
			finished++;
			return {};
		},
		{ maxConcurrent: 0, perSecond: 1000 },
	);
	return starts;
}

describe('automatic concurrency', () => {
	afterEach(() => jest.restoreAllMocks());

	it('adds one worker at most per finished item, up to what the pace and answer time need', async () => {
		// 1,000/s at 1 s answers wants 1,250 workers (capped at 500): added all at once after the first
		// answer, they would read their items together and stall the sending.
		const starts = await runRecordingConcurrency(1500, 1000);
		for (const start of starts)
			expect(start.inFlight).toBeLessThanOrEqual(PACE_RULES.autoStartWorkers + start.finished);
		expect(Math.max(...starts.map((start) => start.inFlight))).toBeGreaterThan(
			PACE_RULES.autoStartWorkers * 4,
		);
		expect(Math.max(...starts.map((start) => start.inFlight))).toBeLessThanOrEqual(
			PACE_RULES.autoMaxWorkers,
		);
	});

	it('adds no worker while the waits for a slot end late: the process, not 360dialog, is slow', async () => {
		jest.spyOn(RatePacer.prototype, 'lateMs').mockReturnValue(PACE_RULES.busyLateMs + 1);
		const starts = await runRecordingConcurrency(300, 1000);
		expect(Math.max(...starts.map((start) => start.inFlight))).toBe(PACE_RULES.autoStartWorkers);
	});
});
