import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isInDoubt, withPanelDescription } from './errors';
import { PACE_RULES, pacerOf, startPacing, stopPacing } from './pacer';

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
	/**
	 * For operations whose items must reach one contact in item order (sends): the contact an item goes
	 * to. An item starts only after every earlier item with the same key finished (sent, failed or in
	 * doubt); items of different keys, and items without one, run side by side.
	 */
	orderKey?: (itemIndex: number) => string | undefined;
}

export type ItemWork = (
	itemIndex: number,
) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>;

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
 * Runs `work` for every input item with bounded concurrency and a rate cap, items of one order key
 * one after the other in item order. The output keeps the input order and pairs every item with its
 * input. With "Continue On Fail" a failing item becomes an error
 * item and the others go on; otherwise the first failure stops new work and is thrown.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	itemCount: number,
	work: ItemWork,
	options: RunnerOptions,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(itemCount);
	startPacing(ctx, options.perSecond);
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

	const runItem = async (itemIndex: number) => {
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
	};

	// The items of one key in a line, in item order: the worker that runs the first runs the others
	// as they queue up behind it, each once the one before finished; other workers pass them by.
	const lines = new Map<string, number[]>();
	const orderKeyOf = (itemIndex: number): string | undefined => {
		try {
			return options.orderKey?.(itemIndex);
		} catch {
			return undefined; // the item's own run reports what is wrong with its parameters
		}
	};

	const worker = async () => {
		while (stop.failure === undefined) {
			const itemIndex = next++;
			if (itemIndex >= itemCount) return;
			const key = orderKeyOf(itemIndex);
			if (key === undefined) {
				await runItem(itemIndex);
				continue;
			}
			const waiting = lines.get(key);
			if (waiting) {
				waiting.push(itemIndex);
				continue;
			}
			const line = [itemIndex];
			lines.set(key, line);
			for (let position = 0; position < line.length && stop.failure === undefined; position++)
				await runItem(line[position]);
			lines.delete(key);
		}
	};

	// Automatic concurrency: enough workers for the current pace at 360dialog's answer time (both from
	// the pacer), added as items finish. Time spent waiting for a slot does not count: it would feed
	// itself, each added worker making the waits longer. One worker at most is added per finished item
	// (twice the workers per answer time at most): the first answers are slow (new connections, code
	// not yet optimised), and sized from them at once, hundreds of workers would read their items'
	// parameters together, stall the sending for a second and make the answers look slower still.
	const automatic = options.maxConcurrent <= 0;
	const cap = Math.min(itemCount, automatic ? PACE_RULES.autoMaxWorkers : options.maxConcurrent);
	const running: Array<Promise<void>> = [];
	const grow = () => {
		const pacer = pacerOf(ctx);
		if (!automatic || !pacer || pacer.answerMs === 0 || pacer.lateMs() > PACE_RULES.busyLateMs)
			return;
		const wanted = Math.ceil(
			((pacer.currentRate * pacer.answerMs) / 1000) * PACE_RULES.workerHeadroom,
		);
		if (running.length < Math.min(cap, wanted) && next < itemCount) running.push(worker());
	};
	timedWork.grow = grow;
	const start = Math.max(1, Math.min(cap, automatic ? PACE_RULES.autoStartWorkers : cap));
	for (let index = 0; index < start; index++) running.push(worker());
	try {
		// Workers added while waiting are awaited too.
		for (let settled = 0; settled < running.length; settled++) await running[settled];
	} finally {
		stopPacing(ctx);
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
