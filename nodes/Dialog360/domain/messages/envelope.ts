/**
 * What every send shares: the recipient, reply-to and callback data around a message body, the
 * answer to a send read into one flat object, and the mark-as-read request.
 */
import { RuleChecks, type Violation } from '../checks';
import { parsePhoneNumber, PhoneNumberError } from '../phone';
import { MESSAGE_RULES } from '../rules';
import type { PendingUpload } from './types';

export interface Recipient {
	/** As the user typed it. */
	to: unknown;
	defaultCountry?: string;
}

export interface MessageEnvelope extends Recipient {
	replyTo?: string;
	bizOpaqueCallbackData?: string;
}

export interface BuiltMessage {
	payload: Record<string, unknown>;
	violations: Violation[];
	/** The recipient as E.164, when it could be read. */
	recipientE164?: string;
	/** Set when the media must be uploaded first; put the id in with `withMediaId`. */
	pendingUpload?: PendingUpload;
}

/** Reads the recipient; WhatsApp wants the digits with the country code. */
function readRecipient(recipient: Recipient, checks: RuleChecks) {
	try {
		return parsePhoneNumber(recipient.to, recipient.defaultCountry);
	} catch (error) {
		const problem =
			error instanceof PhoneNumberError
				? error.message
				: `could not be read (${(error as Error).message})`;
		checks.add(
			'Recipient',
			`Recipient ${problem}; use the international form, e.g. +447700900123, or set a Default Country`,
		);
		return undefined;
	}
}

/**
 * Wraps a message body in the envelope every send shares: the recipient (as digits, the form the
 * API documents), reply-to and callback data.
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
		to: recipient?.digits ?? '',
		...body,
		...(envelope.replyTo?.trim() ? { context: { message_id: envelope.replyTo.trim() } } : {}),
		...(envelope.bizOpaqueCallbackData
			? { biz_opaque_callback_data: envelope.bizOpaqueCallbackData }
			: {}),
	};
	return {
		payload,
		violations: [...checks.violations, ...violations],
		recipientE164: recipient?.e164,
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
	to: string | null;
	waId: string | null;
	messageId: string | null;
	status: string;
}

/** The answer to a send, as one flat object: who it went to and the id to match status events with. */
export function simplifySendResponse(
	response: unknown,
	recipientE164: string | undefined,
): SendResult {
	const body = (response ?? {}) as {
		contacts?: Array<{ wa_id?: string }>;
		messages?: Array<{ id?: string; message_status?: string }>;
	};
	const message = body.messages?.[0];
	return {
		to: recipientE164 ?? null,
		waId: body.contacts?.[0]?.wa_id ?? null,
		messageId: message?.id ?? null,
		status: message?.message_status ?? 'accepted',
	};
}
