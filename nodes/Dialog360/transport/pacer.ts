/**
 * The pace of a run: how fast sends start, following what 360dialog accepts. The runner starts one
 * pacer per run; requests marked `paced` take a slot from it.
 */
import { sleep } from 'n8n-workflow';

/** The time sends are paced in: the pace, 360dialog's answer times and the waits before a retry. */
export interface PaceClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/**
 * Real time, which every run uses. Tests replace its two functions (jest.spyOn) to run the pace, the
 * retries and the emulator's rate limit on one clock they move (test/support/clock.ts).
 */
export const paceClock: PaceClock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
};

/** How the pace follows what 360dialog accepts, and how many requests may be in flight. */
export const PACE_RULES = {
	/** After a rate-limit answer: just under what was accepted in the last second. */
	margin: 0.95,
	/** The pace never sinks below this share of the best rate accepted so far (times the margin). */
	floorShare: 0.9,
	/** One slow-down per this many ms: the answers of requests already in flight say the same. */
	calmMs: 1000,
	/**
	 * Messages per second gained per second after a rate limit; once `probeAfterSeconds` passed
	 * without one, the climb grows by `climbGrowthPerSecond` every second.
	 */
	climbPerSecond: 0.25,
	probeAfterSeconds: 5,
	climbGrowthPerSecond: 0.5,
	minimumPerSecond: 1,
	/** Workers the runner starts, and at most adds, when Max Concurrent Requests is 0 (automatic). */
	autoStartWorkers: 20,
	autoMaxWorkers: 500,
	/** Room over rate × latency, so that a slower answer does not stall the pace. */
	workerHeadroom: 1.25,
	/**
	 * No worker is added while the waits for a slot end this late on average (ms): the process itself
	 * is busy, so its answers look slower than 360dialog gives them, and more workers would only add
	 * to the load.
	 */
	busyLateMs: 15,
};

/**
 * Spaces starts evenly at the current rate, which starts at the configured one. A rate-limit answer
 * brings it down to just under what 360dialog accepted in the last second; every accepted request
 * brings it back up, faster the longer no limit was met, never above the configured rate.
 */
export class RatePacer {
	private nextSlot = 0;
	private rate: number;
	private lastLimitAt?: number;
	private startedAt?: number;
	private bestAccepted = 0;
	/** When a request last had to wait for its slot: the pace, not the sending, was the bottleneck. */
	private lastWaitAt?: number;
	/** Accepted requests per 100 ms over the last second, to know the rate 360dialog accepts. */
	private readonly buckets = new Array<number>(10).fill(0);
	private bucketAt = 0;

	constructor(private readonly perSecond?: number) {
		this.rate = perSecond && perSecond > 0 ? perSecond : 0;
	}

	/** 360dialog's answer time, from the slot to the answer (not the wait for the slot). */
	private latencyMs = 0;

	get currentRate(): number {
		return this.rate;
	}

	get answerMs(): number {
		return this.latencyMs;
	}

	/** A request had to wait for its slot: the pace, not the sending, is what limits. */
	heldBack(now = paceClock.now()): void {
		this.lastWaitAt = now;
	}

	/** Records how long 360dialog took to answer a paced request. */
	answered(durationMs: number): void {
		this.latencyMs = this.latencyMs === 0 ? durationMs : this.latencyMs * 0.9 + durationMs * 0.1;
	}

	/** How late the waits for a slot ended lately, on average: this process's own delay, not 360dialog's. */
	private lateness = 0;
	private lateAt?: number;

	/** 0 when no wait ended in the last second: nothing then says the process is behind. */
	lateMs(now = paceClock.now()): number {
		return this.lateAt !== undefined && now - this.lateAt <= 1000 ? this.lateness : 0;
	}

	async acquire(): Promise<void> {
		if (this.rate <= 0) return;
		const interval = 1000 / this.rate;
		const now = paceClock.now();
		this.startedAt ??= now;
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + interval;
		if (slot > now) {
			this.heldBack(now);
			await paceClock.sleep(slot - now);
			const woke = paceClock.now();
			this.lateness = this.lateness * 0.9 + Math.max(0, woke - slot) * 0.1;
			this.lateAt = woke;
		}
	}

	private acceptedLastSecond(now: number): number {
		const bucket = Math.floor(now / 100);
		// Clear the buckets that fell out of the last second.
		for (let stale = Math.max(this.bucketAt + 1, bucket - 9); stale <= bucket; stale++)
			this.buckets[stale % 10] = 0;
		this.bucketAt = Math.max(this.bucketAt, bucket);
		return this.buckets.reduce((sum, count) => sum + count, 0);
	}

	succeeded(now = paceClock.now()): void {
		if (this.rate <= 0 || !this.perSecond) return;
		this.acceptedLastSecond(now);
		this.buckets[Math.floor(now / 100) % 10]++;
		// Only a pace that holds requests back climbs: one the sending does not reach would climb
		// far above the limit unseen, and the sending would then burst into it.
		if (this.lastWaitAt === undefined || now - this.lastWaitAt > 1000) return;
		const secondsCalm = this.lastLimitAt === undefined ? 0 : (now - this.lastLimitAt) / 1000;
		// Slowly near the limit met last; after a while without one, faster, to find a lifted limit.
		const climb =
			PACE_RULES.climbPerSecond +
			PACE_RULES.climbGrowthPerSecond * Math.max(0, secondsCalm - PACE_RULES.probeAfterSeconds);
		this.rate = Math.min(this.perSecond, this.rate + climb / this.rate);
	}

	rateLimited(now = paceClock.now()): void {
		if (this.rate <= 0) return;
		if (this.lastLimitAt !== undefined && now - this.lastLimitAt < PACE_RULES.calmMs) return;
		this.lastLimitAt = now;
		const accepted = this.acceptedLastSecond(now);
		// Only a full second of sending says what the limit lets through.
		if (now - (this.startedAt ?? now) >= 1000)
			this.bestAccepted = Math.max(this.bestAccepted, accepted);
		// A limit met while sending under the best rate accepted so far is a bunch of answers arriving
		// together, not a lower limit: the pace does not sink below a share of that best rate.
		const target =
			Math.max(accepted, this.bestAccepted * PACE_RULES.floorShare) * PACE_RULES.margin;
		this.rate = Math.max(PACE_RULES.minimumPerSecond, Math.min(this.rate, target));
		this.nextSlot = Math.max(this.nextSlot, now + 1000 / this.rate);
	}
}

// The pacer of the run in progress, per execution context. Requests marked `paced` take a slot from it
// for every attempt, so a retry counts against the rate like any other send.
const runPacers = new WeakMap<object, RatePacer>();

export function pacerOf(ctx: object): RatePacer | undefined {
	return runPacers.get(ctx);
}

/** Starts the pace of a run at `perSecond` (no pacer for 0 or none). */
export function startPacing(ctx: object, perSecond: number | undefined): void {
	if (perSecond) runPacers.set(ctx, new RatePacer(perSecond));
}

export function stopPacing(ctx: object): void {
	runPacers.delete(ctx);
}
