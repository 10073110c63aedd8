import type { IDataObject, INodeParameters } from 'n8n-workflow';

/** Send's parameters for a text to each item's `to`, the text in the item's `text`. */
export function textPerItem(options: INodeParameters = {}): INodeParameters {
	return {
		resource: 'message',
		operation: 'send',
		to: '={{ $json.to }}',
		messageType: 'text',
		text: '={{ $json.text }}',
		options,
	};
}

/**
 * A text send of `count` items, each with its own text ("<prefix> <n>"), to its own number or, with
 * `contacts`, in turn to that many numbers.
 */
export function bulkTextRun(
	count: number,
	prefix: string,
	options: INodeParameters,
	contacts = count,
): { parameters: INodeParameters; items: IDataObject[] } {
	return {
		parameters: textPerItem(options),
		items: Array.from({ length: count }, (_, n) => ({
			n,
			to: `+4915112${String(n % contacts).padStart(6, '0')}`,
			text: `${prefix} ${n}`,
		})),
	};
}

/**
 * The time a test with a run of hundreds or thousands of sends may take (jest's default is 60 s): such
 * a run takes seconds on a quiet machine, but on a 2-core machine at load 17 (other jobs, two `yes`)
 * 2,000 sends took more than 60 s. The bound is there to end a run that hangs, not to time it.
 */
export const BULK_TEST_TIMEOUT_MS = 10 * 60_000;

export function sentTexts(sent: Array<{ payload: Record<string, unknown> }>): string[] {
	return sent.map((message) => (message.payload.text as { body: string }).body);
}
