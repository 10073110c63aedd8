/**
 * A long text sent as several messages (Split Text Longer Than): the parts are built and checked
 * together, then sent one after the other.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { HintContext } from '../../domain/apiErrors';
import {
	buildMessage,
	type BuiltMessage,
	type MessageContent,
	type MessageEnvelope,
} from '../../domain/messages';
import { messageLength, SPLIT_RULES, splitText } from '../../domain/splitText';
import { textOf } from '../../domain/values';
import { IN_DOUBT, isInDoubt, markInDoubt } from '../../transport/errors';
import { assertNoViolations } from '../validation';
import { sendMessage, type SendingOptions } from './sending';

/** The texts to send: one, or the parts of a long text when Split Text Longer Than is set. */
function textParts(content: MessageContent, splitAt: number | undefined): MessageContent[] {
	if (content.type !== 'text' || !splitAt || messageLength(content.body) <= splitAt)
		return [content];
	return splitText(content.body, splitAt).map((body) => ({ ...content, body }));
}

/**
 * The messages of one item, built and checked: one, or one per part of a long text. Every part is
 * checked before the first is sent; only the first quotes the replied message.
 */
export function buildParts(
	ctx: IExecuteFunctions,
	envelope: Omit<MessageEnvelope, 'replyTo'>,
	content: MessageContent,
	options: SendingOptions,
	itemIndex: number,
): BuiltMessage[] {
	const splitAt = Number(options.splitAt) || 0;
	if (splitAt > 0 && splitAt < SPLIT_RULES.minimum)
		assertNoViolations(
			ctx,
			[
				{
					field: 'Split Text Longer Than',
					message: `Split Text Longer Than must be 0 (no splitting) or at least ${SPLIT_RULES.minimum} characters (got ${splitAt})`,
				},
			],
			itemIndex,
			'WhatsApp message',
		);
	const parts = textParts(content, splitAt).map((part, index) =>
		buildMessage({ ...envelope, replyTo: index === 0 ? options.replyTo : undefined }, part),
	);
	assertNoViolations(
		ctx,
		parts.flatMap((part) => part.violations),
		itemIndex,
		'WhatsApp message',
	);
	return parts;
}

/**
 * Sends the parts of a split text one after the other. A part that fails stops the rest; the error
 * says which parts went out (with their IDs) so that nothing is sent twice by a re-run.
 */
export async function sendParts(
	ctx: IExecuteFunctions,
	parts: BuiltMessage[],
	itemIndex: number,
	options: SendingOptions,
	hintContexts: HintContext[] = [],
): Promise<IDataObject> {
	const results: IDataObject[] = [];
	for (const [index, part] of parts.entries()) {
		// The outcome as a value: the first part's error goes out as it is, a later one names the parts sent.
		const outcome = await sendMessage(ctx, part, itemIndex, hintContexts, options).then(
			(result) => ({ result }),
			(error: Error) => ({ error }),
		);
		if ('result' in outcome) {
			results.push(outcome.result);
			continue;
		}
		if (index === 0) throw outcome.error;
		const sent = results.map((result) => textOf(result.messageId ?? result.messages)).join(', ');
		const failed = new NodeOperationError(
			ctx.getNode(),
			`Part ${index + 1} of ${parts.length} of the text failed: ${outcome.error.message}`,
			{
				itemIndex,
				description: `Parts 1–${index} were sent (${sent}). Part ${index + 1} ${isInDoubt(outcome.error) ? IN_DOUBT : 'was not sent'}; the parts after it were not sent.`,
			},
		);
		throw isInDoubt(outcome.error) ? markInDoubt(failed) : failed;
	}
	if (parts.length === 1) return results[0];
	return {
		...results[0],
		messageIds: results.map((result) => result.messageId ?? null),
		parts: parts.length,
	};
}
