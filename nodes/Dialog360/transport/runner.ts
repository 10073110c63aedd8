import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { isInDoubt, withPanelDescription } from './errors';

export interface RunnerOptions {
	/** Requests in flight at once; 0 lets the runner add workers as the rate and latency need. */
	maxConcurrent: number;
	/** Items started per second at most; 0 or undefined for no cap. */
	perSecond?: number;
	/**
	 * For operations with effects (sends): what a finished item did, e.g. its message ID. When a run
	 * stops at a failure, the error lists the items already done, so a re-run can skip them.
	 */
	describeDone?: (output: INodeExecutionData[]) => string | undefined;
}

export type ItemWork = (
	itemIndex: number,
) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>;

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
	heldBack(now = Date.now()): void {
		this.lastWaitAt = now;
	}

	/** Records how long 360dialog took to answer a paced request. */
	answered(durationMs: number): void {
		this.latencyMs = this.latencyMs === 0 ? durationMs : this.latencyMs * 0.9 + durationMs * 0.1;
	}

	async acquire(): Promise<void> {
		if (this.rate <= 0) return;
		const interval = 1000 / this.rate;
		const now = Date.now();
		this.startedAt ??= now;
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + interval;
		if (slot > now) {
			this.heldBack(now);
			await sleep(slot - now);
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

	succeeded(now = Date.now()): void {
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

	rateLimited(now = Date.now()): void {
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

function isExecutionData(value: IDataObject | INodeExecutionData): value is INodeExecutionData {
	return (
		typeof value === 'object' && value !== null && 'json' in value && typeof value.json === 'object'
	);
}

function toItems(
	result: IDataObject | IDataObject[] | INodeExecutionData[],
	itemIndex: number,
): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry, pairedItem: { item: itemIndex } },
	);
}

type ItemError = NodeApiError | NodeOperationError;

/**
 * The item a failing input becomes under "Continue On Fail": `json.error` holds what went wrong (the
 * only key, as n8n's own nodes do, which is also what routes the item to the node's error output).
 */
export function errorItem(error: ItemError, itemIndex: number): INodeExecutionData {
	const details: IDataObject = { message: error.message };
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	// The request may have reached 360dialog: the item says so, so nobody repeats it blindly.
	if (error.context?.ambiguous) details.ambiguous = true;
	return { json: { error: details }, pairedItem: { item: itemIndex } };
}

/** How items are named in errors: as n8n's editor shows an error's "Item Index" (from 0). */
export function itemLabel(itemIndex: number): string {
	return `item ${itemIndex}`;
}

/**
 * What a stopped run had already done: the items that finished (with what `describeDone` says of
 * them) and the other items whose failure leaves them in doubt.
 */
function doneBeforeStop(
	results: INodeExecutionData[][],
	failures: Map<number, Error>,
	reported: number,
	describeDone: NonNullable<RunnerOptions['describeDone']>,
): string {
	const done: string[] = [];
	results.forEach((output, itemIndex) => {
		if (!output) return;
		const what = describeDone(output);
		done.push(what ? `${itemLabel(itemIndex)} (${what})` : itemLabel(itemIndex));
	});
	const inDoubt = [...failures]
		.filter(([itemIndex, error]) => itemIndex !== reported && isInDoubt(error))
		.map(([itemIndex]) => itemLabel(itemIndex));
	const lines = [
		done.length
			? `Already done before the run stopped, do not send again: ${done.join(', ')}.`
			: 'Nothing else was done before the run stopped.',
		inDoubt.length
			? `May or may not have been sent (the connection or the server failed): ${inDoubt.join(', ')}.`
			: '',
	];
	return lines.filter(Boolean).join('\n');
}

function asItemError(ctx: IExecuteFunctions, error: Error, itemIndex: number): ItemError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error, { itemIndex });
}

/**
 * Runs `work` for every input item with bounded concurrency and a rate cap. The output keeps the input
 * order and pairs every item with its input. With "Continue On Fail" a failing item becomes an error
 * item and the others go on; otherwise the first failure stops new work and is thrown.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	itemCount: number,
	work: ItemWork,
	options: RunnerOptions,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(itemCount);
	if (options.perSecond) runPacers.set(ctx, new RatePacer(options.perSecond));
	const continueOnFail = ctx.continueOnFail();
	let next = 0;
	const stop: { failure?: { error: Error; itemIndex: number } } = {};
	const failures = new Map<number, Error>();
	const timedWork = { grow: () => {} };

	// The first failure stops new work; items already in flight finish. Of the failures, the earliest
	// item's is reported.
	const recordFailure = (error: Error, itemIndex: number) => {
		failures.set(itemIndex, error);
		if (!stop.failure || itemIndex < stop.failure.itemIndex) stop.failure = { error, itemIndex };
	};

	const worker = async () => {
		while (stop.failure === undefined) {
			const itemIndex = next++;
			if (itemIndex >= itemCount) return;
			try {
				results[itemIndex] = toItems(await work(itemIndex), itemIndex);
				timedWork.grow();
			} catch (caught) {
				const error = caught instanceof Error ? caught : new Error(String(caught));
				if (continueOnFail) {
					results[itemIndex] = [errorItem(asItemError(ctx, error, itemIndex), itemIndex)];
				} else {
					recordFailure(error, itemIndex);
				}
			}
		}
	};

	// Automatic concurrency: enough workers for the current pace at 360dialog's answer time (both from
	// the pacer), added as items finish. Time spent waiting for a slot does not count: it would feed
	// itself, each added worker making the waits longer.
	const automatic = options.maxConcurrent <= 0;
	const cap = Math.min(itemCount, automatic ? PACE_RULES.autoMaxWorkers : options.maxConcurrent);
	const running: Array<Promise<void>> = [];
	const grow = () => {
		const pacer = runPacers.get(ctx);
		if (!automatic || !pacer || pacer.answerMs === 0) return;
		const wanted = Math.ceil(
			((pacer.currentRate * pacer.answerMs) / 1000) * PACE_RULES.workerHeadroom,
		);
		while (running.length < Math.min(cap, wanted) && next < itemCount) running.push(worker());
	};
	timedWork.grow = grow;
	const start = Math.max(1, Math.min(cap, automatic ? PACE_RULES.autoStartWorkers : cap));
	for (let index = 0; index < start; index++) running.push(worker());
	try {
		// Workers added while waiting are awaited too.
		for (let settled = 0; settled < running.length; settled++) await running[settled];
	} finally {
		runPacers.delete(ctx);
	}

	if (stop.failure) {
		const { itemIndex } = stop.failure;
		const error = asItemError(ctx, stop.failure.error, itemIndex);
		error.context = { ...(error.context ?? {}), itemIndex };
		if (options.describeDone && itemCount > 1) {
			error.description = [
				error.description,
				doneBeforeStop(results, failures, itemIndex, options.describeDone),
			]
				.filter(Boolean)
				.join('\n\n');
		}
		throw withPanelDescription(error);
	}
	return results.flat();
}
