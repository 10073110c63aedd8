/**
 * A 360dialog webhook delivery, in the Cloud envelope (`object` / `entry[].changes[].value`) or the
 * legacy top-level format, read into one flat event per message, status or error.
 */
import { flowItemFields, type FlowReply } from './flowReply';
import {
	contactFor,
	identityChangeOf,
	sharedContactInfoOf,
	userIdUpdateOf,
	type IdentityChange,
	type SharedContactInfo,
	type WebhookContact,
} from './identity';
import { messageTextOf } from './messageText';
import { pricingOf, type StatusPricing } from './pricing';
import { isRecord, textOrNull } from './values';

export type { WebhookContact } from './identity';

/**
 * `identityChange`: a contact's user ID was replaced (the `user_id_update` webhook field).
 * `echo`: a message the business sent from the WhatsApp Business app (a coexistence number), so a
 * flow can see that a person has taken over the chat.
 */
export type EventKind = 'message' | 'status' | 'error' | 'identityChange' | 'echo';

export interface WebhookEvent extends Partial<StatusPricing> {
	kind: EventKind;
	/** The message, status or error object as 360dialog sent it, under its kind (an echo's is `message`). */
	message?: Record<string, unknown>;
	status?: Record<string, unknown>;
	error?: Record<string, unknown>;
	/** Several messages of one contact merged into this item, in order (the trigger's merge option). */
	messages?: Array<Record<string, unknown>>;
	/** The text a person reads in the message: body, caption, tapped button, emoji... '' when none. */
	text?: string;
	/** When it happened, as an ISO date (the raw seconds stay in the message or status). */
	timestamp?: string | null;
	/** The contact: who wrote a message, who a status or echo is about. */
	contact: WebhookContact | null;
	/** Old and new identifiers, for a system message about a changed number or user ID, or a user ID update. */
	identityChange?: IdentityChange;
	/** A WhatsApp Flow's answer (an `nfm_reply`): the form's fields, its token, why it could not be read. */
	flowResponse?: FlowReply['flowResponse'];
	flowToken?: string | null;
	flowName?: string | null;
	flowResponseRaw?: string;
	flowResponseError?: string;
	/** The phone number a contact shared when asked with Request Contact Info, next to their user ID. */
	sharedContactInfo?: SharedContactInfo;
	businessPhoneNumberId: string | null;
	businessDisplayPhoneNumber: string | null;
	/** The WhatsApp Business Account (the Cloud envelope's `entry[].id`); null in the legacy format. */
	wabaId: string | null;
}

/**
 * Message types WhatsApp delivers (360dialog forwards Meta's webhook unchanged:
 * https://docs.360dialog.com/docs/messaging/webhook/webhook-reference) [M]; `voice`, `ephemeral` and
 * `hsm` only in the legacy format.
 */
export const MESSAGE_TYPES = [
	'text',
	'image',
	'audio',
	'video',
	'document',
	'sticker',
	'location',
	'contacts',
	'interactive',
	'button',
	'reaction',
	'order',
	'system',
	'unsupported',
] as const;
export const STATUS_VALUES = ['sent', 'delivered', 'read', 'failed', 'deleted'] as const;

export class MalformedDeliveryError extends Error {
	constructor(problem: string) {
		super(`Malformed 360dialog delivery: ${problem}`);
		this.name = 'MalformedDeliveryError';
	}
}

type Fields = Record<string, unknown>;

/** The objects in an array of the body (anything else in it is left out). */
const recordsIn = (value: unknown): Fields[] =>
	Array.isArray(value) ? value.filter(isRecord) : [];

const digitsOnly = (value: string | null) => (value ?? '').replace(/\D/g, '');

/** Unix seconds as an ISO date; null when absent or not a number. */
export function isoTime(seconds: unknown): string | null {
	const value = Number(textOrNull(seconds));
	return textOrNull(seconds) !== null && Number.isFinite(value)
		? new Date(value * 1000).toISOString()
		: null;
}

function eventsOfValue(value: Fields, wabaId: string | null, echoes = false): WebhookEvent[] {
	const metadata = isRecord(value.metadata) ? value.metadata : {};
	const business = {
		businessPhoneNumberId: textOrNull(metadata.phone_number_id),
		businessDisplayPhoneNumber: textOrNull(metadata.display_phone_number),
		wabaId,
	};
	const businessDigits = digitsOnly(business.businessDisplayPhoneNumber);
	const contacts = recordsIn(value.contacts);
	const events: WebhookEvent[] = [];
	const messages = echoes
		? [...recordsIn(value.message_echoes), ...recordsIn(value.messages)]
		: recordsIn(value.messages);
	for (const message of messages) {
		// Coexistence numbers echo the business's own messages (from the WhatsApp Business app) in
		// their own field, or with `from` set to the business number. The contact is the recipient.
		const echo =
			echoes || (businessDigits !== '' && digitsOnly(textOrNull(message.from)) === businessDigits);
		if (echo) {
			const contact = contactFor(
				{
					waId: textOrNull(message.to),
					userId: textOrNull(message.to_user_id),
					parentUserId: textOrNull(message.to_parent_user_id),
				},
				contacts,
			);
			events.push({
				kind: 'echo',
				message,
				text: messageTextOf(message),
				timestamp: isoTime(message.timestamp),
				contact,
				...business,
			});
			continue;
		}
		const contact = contactFor(
			{
				waId: textOrNull(message.from),
				userId: textOrNull(message.from_user_id),
				parentUserId: textOrNull(message.from_parent_user_id),
			},
			contacts,
		);
		const identityChange = identityChangeOf(message);
		const sharedContactInfo = sharedContactInfoOf(message, contact);
		if (contact && sharedContactInfo && !contact.waId)
			Object.assign(contact, {
				waId: sharedContactInfo.waId,
				phoneNumber: sharedContactInfo.phoneNumber,
			});
		events.push({
			kind: 'message',
			message,
			text: messageTextOf(message),
			timestamp: isoTime(message.timestamp),
			contact,
			...(identityChange ? { identityChange } : {}),
			...(sharedContactInfo ? { sharedContactInfo } : {}),
			...flowItemFields(message),
			...business,
		});
	}
	for (const status of recordsIn(value.statuses)) {
		const ids = {
			waId: textOrNull(status.recipient_id),
			userId: textOrNull(status.recipient_user_id),
			parentUserId: textOrNull(status.recipient_parent_user_id),
		};
		events.push({
			kind: 'status',
			status,
			timestamp: isoTime(status.timestamp),
			contact: contactFor(ids, contacts),
			// What the message costs, as plain fields: pricingCategory, pricingType, pricingModel, billable.
			...pricingOf(status),
			...business,
		});
	}
	for (const error of recordsIn(value.errors)) {
		events.push({ kind: 'error', error, contact: null, ...business });
	}
	for (const update of recordsIn(value.user_id_update)) {
		const identityChange = userIdUpdateOf(update);
		if (!identityChange) continue;
		const { userId, waId } = identityChange.current;
		const contact = contactFor({ waId, userId, parentUserId: null }, contacts);
		events.push({
			kind: 'identityChange',
			identityChange,
			timestamp: isoTime(update.timestamp),
			contact,
			...business,
		});
	}
	return events;
}

/** Changes that carry the business's own messages, not the contact's (coexistence numbers). */
const ECHO_FIELDS = new Set(['smb_message_echoes', 'message_echoes']);

export function readDelivery(body: unknown): WebhookEvent[] {
	if (!isRecord(body)) throw new MalformedDeliveryError('the body is not a JSON object');
	if (Array.isArray(body.entry)) {
		const events: WebhookEvent[] = [];
		for (const entry of recordsIn(body.entry)) {
			for (const change of recordsIn(entry.changes)) {
				const echoes = ECHO_FIELDS.has(textOrNull(change.field) ?? '');
				if (isRecord(change.value))
					events.push(...eventsOfValue(change.value, textOrNull(entry.id), echoes));
			}
		}
		return events;
	}
	if (
		'messages' in body ||
		'statuses' in body ||
		'errors' in body ||
		'contacts' in body ||
		'user_id_update' in body
	) {
		return eventsOfValue(body, null);
	}
	throw new MalformedDeliveryError(
		'neither the Cloud API envelope (entry[]) nor the legacy format',
	);
}

export interface EventFilter {
	kinds: EventKind[];
	/** Empty for every type. */
	messageTypes: string[];
	/** Empty for every status. */
	statuses: string[];
}

export function matchesFilter(event: WebhookEvent, filter: EventFilter): boolean {
	if (!filter.kinds.includes(event.kind)) return false;
	if (event.kind === 'message' && filter.messageTypes.length)
		return filter.messageTypes.includes(textOrNull(event.message?.type) ?? '');
	if (event.kind === 'status' && filter.statuses.length)
		return filter.statuses.includes(textOrNull(event.status?.status) ?? '');
	return true;
}

/**
 * What makes two deliveries the same event: the message id, or the message id and the status (a
 * message is sent, delivered and read: three events). Errors carry no id and are never deduplicated.
 */
export function eventIdentity(event: WebhookEvent): string | undefined {
	if ((event.kind === 'message' || event.kind === 'echo') && typeof event.message?.id === 'string')
		return `${event.kind}:${event.message.id}`;
	if (event.kind === 'status' && typeof event.status?.id === 'string')
		return `status:${event.status.id}:${textOrNull(event.status.status) ?? ''}`;
	if (event.kind === 'identityChange' && event.identityChange)
		return `identity:${event.identityChange.previous.userId ?? ''}>${event.identityChange.current.userId ?? ''}`;
	return undefined;
}

/** The media object of a message that carries a file (image, video, audio, document, sticker). */
export function mediaOf(
	event: WebhookEvent,
): { id: string; mime_type?: string; filename?: string } | undefined {
	const type = textOrNull(event.message?.type) ?? '';
	if (!['image', 'video', 'audio', 'document', 'sticker', 'voice'].includes(type)) return undefined;
	const media = event.message?.[type];
	return isRecord(media) && typeof media.id === 'string'
		? (media as { id: string; mime_type?: string; filename?: string })
		: undefined;
}
