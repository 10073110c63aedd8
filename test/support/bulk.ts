import type { IDataObject, INodeParameters } from 'n8n-workflow';

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
		parameters: {
			resource: 'message',
			operation: 'send',
			to: '={{ $json.to }}',
			messageType: 'text',
			text: `={{ "${prefix} " + $json.n }}`,
			options,
		},
		items: Array.from({ length: count }, (_, n) => ({
			n,
			to: `+4915112${String(n % contacts).padStart(6, '0')}`,
		})),
	};
}

export function sentTexts(sent: Array<{ payload: Record<string, unknown> }>): string[] {
	return sent.map((message) => (message.payload.text as { body: string }).body);
}
