/**
 * A 360dialog webhook delivery, in the Cloud envelope (`object` / `entry[].changes[].value`) or the
 * legacy top-level format, read into one flat event per message, status or error.
 */
import {
	contactFor,
	identityChangeOf,
	sharedContactInfoOf,
	userIdUpdateOf,
	type IdentityChange,
	type SharedContactInfo,
	type WebhookContact,
} from './identity';
import { isRecord } from './values';

export type { WebhookContact } from './identity';

/** `identityChange`: a contact's user ID was replaced (the `user_id_update` webhook field). */
export type EventKind = 'message' | 'status' | 'error' | 'identityChange';

export interface WebhookEvent {
	kind: EventKind;
	/** The message, status or error object as 360dialog sent it, under its kind. */
	message?: Record<string, unknown>;
	status?: Record<string, unknown>;
	error?: Record<string, unknown>;
	contact: WebhookContact | null;
	/** Old and new identifiers, for a system message about a changed number or user ID, or a user ID update. */
	identityChange?: IdentityChange;
	/** The phone number a contact shared when asked with Request Contact Info, next to their user ID. */
	sharedContactInfo?: SharedContactInfo;
	businessPhoneNumberId: string | null;
	businessDisplayPhoneNumber: string | null;
}

/** Message types WhatsApp delivers [M] §9.1; `voice`, `ephemeral` and `hsm` only in the legacy format. */
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

/** A text or number of the body as text; null when absent or empty. */
const textOrNull = (value: unknown): string | null =>
	typeof value === 'string' && value !== ''
		? value
		: typeof value === 'number'
			? String(value)
			: null;

const digitsOnly = (value: string | null) => (value ?? '').replace(/\D/g, '');

function eventsOfValue(value: Fields): WebhookEvent[] {
	const metadata = isRecord(value.metadata) ? value.metadata : {};
	const business = {
		businessPhoneNumberId: textOrNull(metadata.phone_number_id),
		businessDisplayPhoneNumber: textOrNull(metadata.display_phone_number),
	};
	const businessDigits = digitsOnly(business.businessDisplayPhoneNumber);
	const contacts = recordsIn(value.contacts);
	const events: WebhookEvent[] = [];
	for (const message of recordsIn(value.messages)) {
		// Coexistence numbers echo the business's own messages with `from` set to the business number. [M] §9.1
		if (businessDigits && digitsOnly(textOrNull(message.from)) === businessDigits) continue;
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
			contact,
			...(identityChange ? { identityChange } : {}),
			...(sharedContactInfo ? { sharedContactInfo } : {}),
			...business,
		});
	}
	for (const status of recordsIn(value.statuses)) {
		const ids = {
			waId: textOrNull(status.recipient_id),
			userId: textOrNull(status.recipient_user_id),
			parentUserId: textOrNull(status.recipient_parent_user_id),
		};
		events.push({ kind: 'status', status, contact: contactFor(ids, contacts), ...business });
	}
	for (const error of recordsIn(value.errors)) {
		events.push({ kind: 'error', error, contact: null, ...business });
	}
	for (const update of recordsIn(value.user_id_update)) {
		const identityChange = userIdUpdateOf(update);
		if (!identityChange) continue;
		const { userId, waId } = identityChange.current;
		const contact = contactFor({ waId, userId, parentUserId: null }, contacts);
		events.push({ kind: 'identityChange', identityChange, contact, ...business });
	}
	return events;
}

/** Changes that carry the business's own messages, not the contact's. [M] §9.1 */
const ECHO_FIELDS = new Set(['smb_message_echoes', 'message_echoes']);

export function readDelivery(body: unknown): WebhookEvent[] {
	if (!isRecord(body)) throw new MalformedDeliveryError('the body is not a JSON object');
	if (Array.isArray(body.entry)) {
		const events: WebhookEvent[] = [];
		for (const entry of recordsIn(body.entry)) {
			for (const change of recordsIn(entry.changes)) {
				if (ECHO_FIELDS.has(textOrNull(change.field) ?? '')) continue;
				if (isRecord(change.value)) events.push(...eventsOfValue(change.value));
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
		return eventsOfValue(body);
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
	if (event.kind === 'message' && typeof event.message?.id === 'string')
		return `message:${event.message.id}`;
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
