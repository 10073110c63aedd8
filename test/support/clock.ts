import { paceClock, RatePacer } from '../../nodes/Dialog360/transport/pacer';
import type { Emulator } from '../emulator/server';

/**
 * A clock the test moves: Date.now held at the moment of the call until `advance` moves it, so that
 * a time window in the code under test does not depend on how fast a loaded machine runs the test.
 * Timers (setTimeout, n8n's sleep) keep running in real time. Undone by jest.restoreAllMocks().
 */
export function holdClock(): { advance(ms: number): void } {
	let now = Date.now();
	jest.spyOn(Date, 'now').mockImplementation(() => now);
	return {
		advance(ms: number) {
			now += ms;
		},
	};
}

/**
 * One clock for the pace of a run (transport/pacer.ts) and the emulator's rate limit, moved by the
 * run rather than by the machine's speed: it stands still while a paced request is on its way or
 * waiting for its answer, and otherwise jumps to the next slot a request waits for. So every request
 * reaches the emulator at the moment the pacer gave it and is answered at that moment, however slowly
 * a loaded machine runs the test, and a retry waits its delay on the same clock: how many rate-limit
 * answers a run meets depends on the pace alone. (Answers take no time on this clock, so automatic
 * concurrency keeps its starting workers.) A request's timeout keeps running in real time.
 * Undone by jest.restoreAllMocks() and emulator.reset().
 */
export function paceOnOneClock(emulator: Emulator): void {
	let now = Date.now();
	let inFlight = 0;
	const waiting: Array<{ at: number; wake: () => void }> = [];
	let stepping = false;
	const step = () => {
		stepping = false;
		if (inFlight > 0 || waiting.length === 0) return;
		waiting.sort((a, b) => a.at - b.at);
		now = Math.max(now, waiting[0].at);
		while (waiting.length > 0 && waiting[0].at <= now) waiting.shift()?.wake();
	};
	// After the current macrotask: a woken request has then taken its slot and counts as in flight.
	const stepSoon = () => {
		if (stepping) return;
		stepping = true;
		setImmediate(step);
	};
	jest.spyOn(paceClock, 'now').mockImplementation(() => now);
	jest.spyOn(paceClock, 'sleep').mockImplementation(
		async (ms) =>
			await new Promise<void>((wake) => {
				waiting.push({ at: now + ms, wake });
				stepSoon();
			}),
	);
	// In flight from the slot (acquire) to the answer (answered), which request.ts reports for every
	// paced attempt.
	const { acquire, answered } = RatePacer.prototype;
	jest.spyOn(RatePacer.prototype, 'acquire').mockImplementation(async function (this: RatePacer) {
		await acquire.call(this);
		inFlight++;
	});
	jest.spyOn(RatePacer.prototype, 'answered').mockImplementation(function (
		this: RatePacer,
		durationMs: number,
	) {
		answered.call(this, durationMs);
		inFlight--;
		stepSoon();
	});
	emulator.rateClock = { now: () => now };
}
