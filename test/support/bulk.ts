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

export function sentTexts(sent: Array<{ payload: Record<string, unknown> }>): string[] {
	return sent.map((message) => (message.payload.text as { body: string }).body);
}
