/**
 * What every send shares: the recipient, reply-to and callback data around a message body, the
 * answer to a send read into one flat object, and the mark-as-read request.
 */
import { RuleChecks, type Violation } from '../checks';
import { recipientIdOf, RecipientError, type RecipientId } from '../identity';
import { MESSAGE_RULES } from '../rules/messages';
import type { PendingUpload } from './types';

export interface Recipient {
	/** As the user typed it. */
	to: unknown;
	defaultCountry?: string;
	/** `to` as recipientIdOf already read it (for the per-contact order of a run), so it is read once. */
	read?: RecipientId | RecipientError;
}

export interface MessageEnvelope extends Recipient {
	replyTo?: string;
	bizOpaqueCallbackData?: string;
}

export interface BuiltMessage {
	payload: Record<string, unknown>;
	violations: Violation[];
	/** The recipient as it was read: a phone number or a user ID (BSUID); undefined when unreadable. */
	recipient?: RecipientId;
	/** Set when the media must be uploaded first; put the id in with `withMediaId`. */
	pendingUpload?: PendingUpload;
}

/** Reads the recipient: a phone number (sent as its digits) or a user ID (BSUID). */
function readRecipient(recipient: Recipient, checks: RuleChecks): RecipientId | undefined {
	const read = recipient.read ?? recipientIdOf(recipient.to, recipient.defaultCountry);
	if (!(read instanceof RecipientError)) return read;
	checks.add(read.field, read.message);
	return undefined;
}

/** Where the API takes each kind of recipient: digits in `to`, a BSUID in `recipient`. */
function addressFields(recipient: RecipientId | undefined): Record<string, string> {
	if (recipient?.kind === 'userId') return { recipient: recipient.userId };
	return { to: recipient?.digits ?? '' };
}

/**
 * Wraps a message body in the envelope every send shares: the recipient (a phone number as digits,
 * the form the API documents, or a user ID), reply-to and callback data.
 */
export function addressMessage(
	envelope: MessageEnvelope,
	body: Record<string, unknown>,
	violations: Violation[] = [],
): Omit<BuiltMessage, 'pendingUpload'> {
	const checks = new RuleChecks();
	const recipient = readRecipient(envelope, checks);
	checks.optionalLength(
		'Callback Data',
		envelope.bizOpaqueCallbackData,
		MESSAGE_RULES.bizOpaqueCallbackData,
	);
	const payload: Record<string, unknown> = {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		...addressFields(recipient),
		...body,
		...(envelope.replyTo?.trim() ? { context: { message_id: envelope.replyTo.trim() } } : {}),
		...(envelope.bizOpaqueCallbackData
			? { biz_opaque_callback_data: envelope.bizOpaqueCallbackData }
			: {}),
	};
	return {
		payload,
		violations: [...checks.violations, ...violations],
		recipient,
	};
}

export function markAsReadPayload(
	messageId: string,
	typingIndicator: boolean,
): { payload: Record<string, unknown>; violations: Violation[] } {
	const violations: Violation[] = [];
	if (messageId.trim() === '')
		violations.push({
			field: 'Message ID',
			message: 'Message ID must be the wamid of an inbound message (it is empty)',
		});
	return {
		payload: {
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: messageId.trim(),
			...(typingIndicator ? { typing_indicator: { type: 'text' } } : {}),
		},
		violations,
	};
}

export interface SendResult {
	/** Which identifier the message was addressed to. */
	addressedBy: 'phone' | 'userId';
	/** The phone number as E.164, when a phone number was given. */
	to: string | null;
	/** The user ID (BSUID) given, or the one the API answered with. */
	userId: string | null;
	/** The wa_id the API answered with (absent for a contact who hides their number). */
	waId: string | null;
	messageId: string | null;
	status: string;
}

const textIn = (value: unknown): string | null =>
	typeof value === 'string' && value !== '' ? value : null;

/** The answer to a send, as one flat object: who it went to and the id to match status events with. */
export function simplifySendResponse(
	response: unknown,
	recipient: RecipientId | undefined,
): SendResult {
	const body = (response ?? {}) as {
		contacts?: Array<{ wa_id?: unknown; user_id?: unknown }>;
		messages?: Array<{ id?: unknown; message_status?: unknown }>;
	};
	const contact = body.contacts?.[0];
	const message = body.messages?.[0];
	return {
		addressedBy: recipient?.kind === 'userId' ? 'userId' : 'phone',
		to: recipient?.kind === 'phone' ? recipient.e164 : null,
		userId: textIn(contact?.user_id) ?? (recipient?.kind === 'userId' ? recipient.userId : null),
		waId: textIn(contact?.wa_id),
		messageId: textIn(message?.id),
		status: textIn(message?.message_status) ?? 'accepted',
	};
}
