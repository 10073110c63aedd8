import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifySendResponse, type BuiltMessage } from '../../domain/messages';
import { MESSAGE_RULES } from '../../domain/rules';
import { textOf } from '../../domain/values';
import { IN_DOUBT, markInDoubt } from '../../transport/errors';
import { apiRequest } from '../../transport/request';
import type { RunnerOptions } from '../../transport/runner';
import { wantsRawOutput } from '../common.descriptions';

/** 360dialog's documented throughput per number. [H] reference §12 */
export const DEFAULT_MESSAGES_PER_SECOND = 80;
export const DEFAULT_MAX_CONCURRENT = 20;

export function recipientField(operation: string): INodeProperties {
	return {
		displayName: 'Recipient Phone Number',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +447700900123',
		description:
			'The WhatsApp number to send to, with its country code (+44 7700 900123, 0044…, or the wa_id digits). A national number such as 07700 900123 needs a Default Country under Options.',
		displayOptions: { show: { resource: ['message'], operation: [operation] } },
	};
}

/** Options shared by Send and Send Template: addressing, tracking and the bulk-sending limits. */
export function sendingOptions(operation: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['message'], operation: [operation] } },
		options: [
			{
				displayName: 'Callback Data',
				name: 'bizOpaqueCallbackData',
				type: 'string',
				default: '',
				description: `Your own tracking text, at most ${MESSAGE_RULES.bizOpaqueCallbackData.max} characters; WhatsApp returns it in this message's status events`,
			},
			{
				displayName: 'Default Country',
				name: 'defaultCountry',
				type: 'string',
				default: '',
				placeholder: 'e.g. GB',
				description: 'Two-letter country code used to read recipient numbers written without their country code',
			},
			{
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrent',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: DEFAULT_MAX_CONCURRENT,
				description: 'How many messages are on their way to 360dialog at once when the node gets many items',
			},
			{
				displayName: 'Messages per Second',
				name: 'messagesPerSecond',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MESSAGES_PER_SECOND,
				description: `The most messages started per second; ${DEFAULT_MESSAGES_PER_SECOND} is the per-number rate 360dialog documents. 0 sends as fast as the concurrency allows. Rate-limit answers are waited out and retried either way.`,
			},
			{
				displayName: 'Reply To Message ID',
				name: 'replyTo',
				type: 'string',
				default: '',
				placeholder: 'e.g. wamid.HBgL...',
				description: 'The ID of a message in this chat to quote; the reply shows it above the new message',
			},
			{
				displayName: 'Retry Server Errors (May Send Twice)',
				name: 'retryServerErrors',
				type: 'boolean',
				default: false,
				description:
					'Whether to send again after 360dialog answers 500, 502 or 504. Such an answer can come after the message was accepted, so the contact may get it twice. Off: the item is reported as possibly sent and not repeated.',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 300 },
				default: 30, // DEFAULT_TIMEOUT_MS; the lint rule wants a literal
				description: 'How long to wait for 360dialog to answer a send. A send that times out is reported as possibly sent and is not repeated.',
			},
		],
	};
}

export interface SendingOptions {
	bizOpaqueCallbackData?: string;
	defaultCountry?: string;
	replyTo?: string;
	retryServerErrors?: boolean;
	maxConcurrent?: number;
	messagesPerSecond?: number;
	timeoutSeconds?: number;
}

export function readSendingOptions(ctx: IExecuteFunctions, itemIndex: number): SendingOptions {
	return ctx.getNodeParameter('options', itemIndex, {}) as SendingOptions;
}

/** The batch limits come from the first item: they are one setting for the whole run. */
export function sendingRunnerOptions(ctx: IExecuteFunctions): RunnerOptions {
	const options = readSendingOptions(ctx, 0);
	return {
		maxConcurrent: Math.max(1, Math.floor(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT)),
		perSecond: Math.max(0, options.messagesPerSecond ?? DEFAULT_MESSAGES_PER_SECOND),
		describeDone: sentMessageIds,
	};
}

/** The message ID of a finished send, in the simplified or the raw output. */
function sentMessageIds(output: INodeExecutionData[]): string | undefined {
	const ids = output.map(({ json }) => textOf(json.messageId) || textOf((json.messages as Array<{ id?: unknown }> | undefined)?.[0]?.id)).filter(Boolean);
	return ids.length ? ids.join(', ') : undefined;
}

/** Sends a checked payload once (a send is never repeated after an ambiguous failure). */
export async function sendMessage(ctx: IExecuteFunctions, built: Pick<BuiltMessage, 'payload' | 'recipientE164'>, itemIndex: number): Promise<IDataObject> {
	const { timeoutSeconds, retryServerErrors } = readSendingOptions(ctx, itemIndex);
	const response = await apiRequest.call(ctx, {
		method: 'POST',
		endpoint: 'messages',
		body: built.payload as IDataObject,
		idempotent: false,
		retryServerErrors: retryServerErrors === true,
		paced: true,
		timeoutMs: timeoutSeconds ? timeoutSeconds * 1000 : undefined,
		itemIndex,
	});
	const result = simplifySendResponse(response, built.recipientE164);
	if (!result.messageId) {
		// Accepted (2xx) but unreadable: the message is probably on its way, and sending it again could double it.
		throw markInDoubt(
			new NodeOperationError(ctx.getNode(), `360dialog accepted the message but its answer could not be read, so it ${IN_DOUBT}`, {
				itemIndex,
				description: 'The answer had no message ID. The message was not sent again: check the chat or its status events before repeating it.',
			}),
		);
	}
	if (wantsRawOutput(ctx, itemIndex)) return response;
	return result as unknown as IDataObject;
}
