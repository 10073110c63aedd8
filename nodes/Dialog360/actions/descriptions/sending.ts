/** The fields every send shares: the recipient, and the options of addressing, tracking and pace. */
import type { INodeProperties } from 'n8n-workflow';

import { MESSAGE_RULES } from '../../domain/rules/messages';
import { PACE_RULES } from '../../transport/pacer';
import { optionsCollection } from './collections';

/**
 * 360dialog's documented throughput per number
 * (https://docs.360dialog.com/partner/get-started/billing-and-invocing).
 */
export const DEFAULT_MESSAGES_PER_SECOND = 80;
/** 0: as many requests in flight as the rate needs at 360dialog's answer time (PACE_RULES). */
export const DEFAULT_MAX_CONCURRENT = 0;

export const recipientField: INodeProperties = {
	displayName: 'Recipient',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +447700900123 or {{ $json.contact.address }}',
	description:
		"Who receives the message: a phone number with its country code (+44 7700 900123, 0044…, or the wa_id digits), or a WhatsApp user ID such as DE.8827364519203746 for contacts who hide their number behind a username. From the trigger, use the contact's address. A national number such as 07700 900123 needs a Default Country under Options.",
};

/** Reads national numbers (07700 900123) in Recipient; every operation that addresses a contact offers it. */
export const defaultCountryOption: INodeProperties = {
	displayName: 'Default Country',
	name: 'defaultCountry',
	type: 'string',
	default: '',
	placeholder: 'e.g. GB',
	description:
		'Two-letter country code used to read recipient numbers written without their country code',
};

export const sendingOptionsField: INodeProperties = optionsCollection([
	{
		displayName: 'Callback Data',
		name: 'bizOpaqueCallbackData',
		type: 'string',
		default: '',
		description: `Your own tracking text, at most ${MESSAGE_RULES.bizOpaqueCallbackData.max} characters; WhatsApp returns it in this message's status events`,
	},
	defaultCountryOption,
	{
		displayName: 'Mark Replied Message as Read and Show Typing',
		name: 'markAsReadAndType',
		type: 'boolean',
		default: false,
		description:
			'Whether to mark the message given in Reply To Message ID as read (blue ticks) and show "typing…" first, for up to 25 seconds or until the reply arrives. If that fails (e.g. the message is older than 30 days), the reply is still sent and the output\'s readReceiptError says why.',
		displayOptions: { show: { '/operation': ['send'] } },
	},
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: PACE_RULES.autoMaxWorkers },
		default: DEFAULT_MAX_CONCURRENT,
		description: `How many messages may be on their way to 360dialog at once. 0 (automatic) starts with ${PACE_RULES.autoStartWorkers} and adds more as Messages per Second and 360dialog's answer time need, up to ${PACE_RULES.autoMaxWorkers}.`,
	},
	{
		displayName: 'Messages per Second',
		name: 'messagesPerSecond',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_MESSAGES_PER_SECOND,
		description: `The most messages started per second; ${DEFAULT_MESSAGES_PER_SECOND} is the per-number rate 360dialog documents (its upgraded tier allows 1,000). When 360dialog answers that the limit is lower, the pace settles just under what it accepts and climbs back when it can. 0 sends as fast as the concurrency allows. Rate-limit answers are waited out and retried either way.`,
	},
	{
		displayName: 'Reply To Message ID',
		name: 'replyTo',
		type: 'string',
		default: '',
		placeholder: 'e.g. wamid.HBgL...',
		description:
			'The ID of a message in this chat to quote; the reply shows it above the new message',
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
		displayName: 'Split Text Longer Than (Characters)',
		name: 'splitAt',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MESSAGE_RULES.text.max },
		default: 0,
		description: `0 refuses a text over ${MESSAGE_RULES.text.max} characters. A number sends a longer text as several messages of at most that many characters (an emoji counts as 2 or more, so that every part fits however WhatsApp counts), in order, cut at paragraphs, sentences or words (never inside a link or a formatting span); the output lists every message ID.`,
		displayOptions: { show: { '/operation': ['send'], '/messageType': ['text'] } },
	},
	{
		displayName: 'Text Format',
		name: 'textFormat',
		type: 'options',
		default: 'whatsapp',
		options: [
			{
				name: 'Markdown',
				value: 'markdown',
				description:
					'As AI models write it: **bold**, lists, [links](…), tables… turned into WhatsApp formatting',
			},
			{
				name: 'WhatsApp',
				value: 'whatsapp',
				description: 'Sent as written: *bold*, _italic_, ~strike~, `code`',
			},
		],
		description: 'How the text, caption or body is written',
		displayOptions: { show: { '/operation': ['send'] } },
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 300 },
		default: 30, // DEFAULT_TIMEOUT_MS; the lint rule wants a literal
		description:
			'How long to wait for 360dialog to answer a send. A send that times out is reported as possibly sent and is not repeated.',
	},
]);
