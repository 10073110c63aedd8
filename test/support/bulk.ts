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

/** A marketing template with one body variable: a bulk template send puts the item's text there. */
export const BULK_TEMPLATE = {
	id: 'bulk1',
	name: 'bulk_offer',
	language: 'en',
	category: 'MARKETING',
	status: 'approved',
	components: [{ type: 'BODY', text: 'Offer {{1}}', example: { body_text: [['x']] } }],
};

/**
 * The same run as bulkTextRun, as BULK_TEMPLATE sends through the Cloud API or Marketing Messages
 * Lite: each item's text is the template's body value.
 */
export function bulkTemplateRun(
	count: number,
	prefix: string,
	options: INodeParameters,
	sendThrough: 'messages' | 'marketing_messages',
	contacts = count,
): { parameters: INodeParameters; items: IDataObject[] } {
	const { items } = bulkTextRun(count, prefix, options, contacts);
	return {
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			to: '={{ $json.to }}',
			template: {
				__rl: true,
				mode: 'list',
				value: `${BULK_TEMPLATE.name}|${BULK_TEMPLATE.language}`,
			},
			parameterMode: 'json',
			templateComponents:
				'={{ JSON.stringify([{ type: "body", parameters: [{ type: "text", text: $json.text }] }]) }}',
			sendThrough,
			options,
		},
		items,
	};
}

/** The text of a sent message: a text's body, or a template's first body value. */
export function sentText(message: { payload: Record<string, unknown> }): string {
	const { text, template } = message.payload as {
		text?: { body: string };
		template?: { components: Array<{ parameters: Array<{ text: string }> }> };
	};
	return text ? text.body : (template?.components[0]?.parameters[0]?.text ?? '');
}

export function sentTexts(sent: Array<{ payload: Record<string, unknown> }>): string[] {
	return sent.map(sentText);
}
