/** Sending a checked message: the pace of a batch, one request per message, the answer read. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { HintContext } from '../../domain/apiErrors';
import type { EndpointName } from '../../domain/environments';
import {
	RecipientError,
	recipientIdOf,
	recipientKeyOf,
	type RecipientId,
} from '../../domain/identity';
import { simplifySendResponse, type BuiltMessage } from '../../domain/messages';
import { textOf, toJson } from '../../domain/values';
import { IN_DOUBT, markInDoubt } from '../../transport/errors';
import { apiRequest } from '../../transport/request';
import type { RunnerOptions } from '../../transport/runner';
import { DEFAULT_MAX_CONCURRENT, DEFAULT_MESSAGES_PER_SECOND } from '../descriptions/sending';
import { itemParameter, wantsRawOutput } from '../parameters';

export interface SendingOptions {
	bizOpaqueCallbackData?: string;
	markAsReadAndType?: boolean;
	splitAt?: number;
	textFormat?: 'whatsapp' | 'markdown';
	defaultCountry?: string;
	replyTo?: string;
	retryServerErrors?: boolean;
	maxConcurrent?: number;
	messagesPerSecond?: number;
	timeoutSeconds?: number;
}

export function readSendingOptions(ctx: IExecuteFunctions, itemIndex: number): SendingOptions {
	return itemParameter(ctx, 'options', itemIndex, {}) as SendingOptions;
}

/** The message ID of a finished send, in the simplified or the raw output. */
function sentMessageIds(output: INodeExecutionData[]): string | undefined {
	const ids = output
		.map(
			({ json }) =>
				textOf(json.messageId) ||
				textOf((json.messages as Array<{ id?: unknown }> | undefined)?.[0]?.id),
		)
		.filter(Boolean);
	return ids.length ? ids.join(', ') : undefined;
}

/** The batch limits come from the first item: they are one setting for the whole run. */
export function sendingRunnerOptions(ctx: IExecuteFunctions): RunnerOptions {
	const options = readSendingOptions(ctx, 0);
	return {
		maxConcurrent: Math.max(0, Math.floor(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT)),
		perSecond: Math.max(0, options.messagesPerSecond ?? DEFAULT_MESSAGES_PER_SECOND),
		describeDone: sentMessageIds,
		orderKey: (itemIndex) => recipientKeyOfItem(ctx, itemIndex),
	};
}

/** What every send reads of its item first: the recipient as written, and the options. */
export interface SendingItem {
	to: unknown;
	options: SendingOptions;
	/** `to` read as a recipient, when the runner read it for the item's order key. */
	recipient?: RecipientId | RecipientError;
}

function readSendingItem(ctx: IExecuteFunctions, itemIndex: number): SendingItem {
	const options = readSendingOptions(ctx, itemIndex);
	return { to: itemParameter(ctx, 'to', itemIndex), options };
}

// The runner reads an item's recipient for its order key before the item runs; the send takes what
// was read, so that the item's parameters (and their expressions) are evaluated, and its number
// parsed, once.
const readAhead = new WeakMap<object, Map<number, SendingItem>>();

/** The recipient and options of an item: as read for its order key, or read now. */
export function takeSendingItem(ctx: IExecuteFunctions, itemIndex: number): SendingItem {
	const kept = readAhead.get(ctx);
	const item = kept?.get(itemIndex);
	if (!kept || !item) return readSendingItem(ctx, itemIndex);
	kept.delete(itemIndex);
	return item;
}

/**
 * The contact an item goes to, however its number is written: messages to one contact go out in
 * item order. Undefined for a recipient that cannot be read (its item fails before sending).
 */
function recipientKeyOfItem(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const item = readSendingItem(ctx, itemIndex);
	let kept = readAhead.get(ctx);
	if (!kept) readAhead.set(ctx, (kept = new Map<number, SendingItem>()));
	kept.set(itemIndex, item);
	const recipient = recipientIdOf(item.to, item.options.defaultCountry);
	item.recipient = recipient;
	return recipient instanceof RecipientError ? undefined : recipientKeyOf(recipient);
}

/** Sends a checked payload once (a send is never repeated after an ambiguous failure). */
export async function sendMessage(
	ctx: IExecuteFunctions,
	built: Pick<BuiltMessage, 'payload' | 'recipient'>,
	itemIndex: number,
	hintContexts: HintContext[] = [],
	options: SendingOptions = readSendingOptions(ctx, itemIndex),
	endpoint: Extract<EndpointName, 'messages' | 'marketingMessages'> = 'messages',
): Promise<IDataObject> {
	const { timeoutSeconds, retryServerErrors } = options;
	const response = await apiRequest.call(ctx, {
		method: 'POST',
		endpoint,
		body: built.payload as IDataObject,
		idempotent: false,
		retryServerErrors: retryServerErrors === true,
		hintContexts:
			built.recipient?.kind === 'userId' ? [...hintContexts, 'userIdRecipient'] : hintContexts,
		paced: true,
		timeoutMs: timeoutSeconds ? timeoutSeconds * 1000 : undefined,
		itemIndex,
	});
	const result = simplifySendResponse(response, built.recipient);
	if (!result.messageId) {
		// Accepted (2xx) but unreadable: the message is probably on its way, and sending it again could double it.
		throw markInDoubt(
			new NodeOperationError(
				ctx.getNode(),
				`360dialog accepted the message but its answer could not be read, so it ${IN_DOUBT}`,
				{
					itemIndex,
					description:
						'The answer had no message ID. The message was not sent again: check the chat or its status events before repeating it.',
				},
			),
		);
	}
	if (wantsRawOutput(ctx, itemIndex)) return response;
	return toJson(result);
}
