/**
 * Send and Wait's Form (WhatsApp Flow) question: a flow message (domain/messages/flow.ts) whose flow
 * token is the wait's signed token, which WhatsApp returns in the answer's response_json.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { RuleChecks } from '../../domain/checks';
import {
	addressMessage,
	flowMessage,
	type BuiltMessage,
	type Recipient,
} from '../../domain/messages';
import { isRecord, textOf } from '../../domain/values';
import { readText } from '../parameters';

/** Screen Data (JSON): a JSON object, or undefined when the field is empty. */
function readScreenData(
	ctx: IExecuteFunctions,
	itemIndex: number,
	checks: RuleChecks,
): Record<string, unknown> | undefined {
	const raw = ctx.getNodeParameter('flowData', itemIndex, '');
	let data: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return undefined;
		try {
			data = JSON.parse(raw) as unknown;
		} catch (error) {
			checks.add('Screen Data', `Screen Data is not valid JSON: ${(error as Error).message}`);
			return undefined;
		}
	}
	if (data === undefined || data === null) return undefined;
	if (isRecord(data)) return data;
	checks.add('Screen Data', 'Screen Data must be a JSON object such as { "name": "Ana" }');
	return undefined;
}

/** The question as a flow message with this flow token, addressed, with every violation found. */
export function formQuestion(
	ctx: IExecuteFunctions,
	itemIndex: number,
	envelope: Recipient,
	question: { body: string; footer?: string },
	flowToken: string,
): BuiltMessage {
	const checks = new RuleChecks();
	const data = readScreenData(ctx, itemIndex, checks);
	const { body } = flowMessage(
		{
			body: question.body,
			footer: question.footer,
			flowId: textOf(ctx.getNodeParameter('flowId', itemIndex, '', { extractValue: true })),
			cta: readText(ctx, 'flowCta', itemIndex),
			flowToken,
			mode:
				ctx.getNodeParameter('flowMode', itemIndex, 'published') === 'draft'
					? 'draft'
					: 'published',
			action: 'navigate',
			screen: readText(ctx, 'flowScreen', itemIndex),
			data,
		},
		checks,
	);
	return addressMessage(envelope, body, checks.violations);
}

/** The form's fields from the answer's JSON text, as the node outputs them. */
export function formFieldsOf(form: string | null | undefined): Record<string, unknown> {
	if (!form) return {};
	try {
		const fields = JSON.parse(form) as unknown;
		return isRecord(fields) ? fields : {};
	} catch {
		return {};
	}
}
