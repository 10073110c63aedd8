/**
 * Who a message goes to and who an event comes from: a phone number, or a business-scoped user ID
 * (BSUID) for contacts who use a WhatsApp username and may hide their number.
 *
 * Sources: Meta "Business-scoped user IDs" (developers.facebook.com/documentation/business-messaging/
 * whatsapp/business-scoped-user-ids, updated 2026-11-05) and 360dialog "Usernames & BSUID"
 * (docs.360dialog.com/docs/resources/phone-numbers/usernames-and-bsuid). Both give the format: a
 * two-letter country code, a dot, up to 128 letters and digits; a parent BSUID has ENT in between.
 * Sending to a BSUID puts it in `recipient` instead of `to` (360dialog's page, several BSPs agree).
 */
import { canonicalDigits, PhoneNumberError, readPhoneNumber } from './phone';
import { textOf, textOrNull } from './values';

export const BSUID_RULES = {
	userId: /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/,
	parentUserId: /^[A-Z]{2}\.ENT\.[A-Za-z0-9]{1,128}$/,
	example: 'DE.8827364519203746',
	parentExample: 'US.ENT.11815799212886844830',
};

export function isUserId(value: string): boolean {
	return BSUID_RULES.userId.test(value) || BSUID_RULES.parentUserId.test(value);
}

export type RecipientId =
	| { kind: 'phone'; e164: string; digits: string }
	| { kind: 'userId'; userId: string; parent: boolean };

/** A recipient that is neither a readable phone number nor a user ID, with what to write instead. */
export class RecipientError extends Error {
	constructor(
		message: string,
		readonly field: string = 'Recipient',
	) {
		super(message);
		this.name = 'RecipientError';
	}
}

const BOTH_FORMS = `a phone number with its country code (e.g. +44 7700 900123) or a WhatsApp user ID (e.g. ${BSUID_RULES.example})`;

function recipientMessage(error: PhoneNumberError): RecipientError {
	const shown = `"${error.input}"`;
	switch (error.reason) {
		case 'empty':
			return new RecipientError(`Recipient is empty: write ${BOTH_FORMS}`);
		case 'notText':
			return new RecipientError(
				`Recipient must be text (got ${error.problem.replace('expected text (got ', '').replace(')', '')}): write ${BOTH_FORMS}`,
			);
		case 'noCountryCode':
			return new RecipientError(
				`Recipient ${shown} has no country code: write it with one, e.g. +44 7700 900123, or set Options › Default Country`,
			);
		case 'defaultCountry':
			return new RecipientError(
				`Default Country "${error.problem.match(/"(.*)"/)?.[1] ?? ''}" must be a two-letter country code such as GB or DE`,
				'Default Country',
			);
		case 'unknownNumber':
			return new RecipientError(
				`Recipient ${shown} is not a number any country uses: check its digits, or write the contact's WhatsApp user ID (e.g. ${BSUID_RULES.example})`,
			);
		case 'characters':
		default:
			return new RecipientError(
				`Recipient ${shown} is neither a phone number nor a WhatsApp user ID: write ${BOTH_FORMS}`,
			);
	}
}

/**
 * Reads what a user wrote as the recipient: a BSUID as it is, anything else as a phone number; what
 * is wrong with it as a RecipientError.
 */
export function recipientIdOf(
	input: unknown,
	defaultCountry?: string,
): RecipientId | RecipientError {
	const text = textOf(input).trim();
	if (isUserId(text))
		return { kind: 'userId', userId: text, parent: BSUID_RULES.parentUserId.test(text) };
	const phone = readPhoneNumber(input, defaultCountry);
	if (phone instanceof PhoneNumberError) return recipientMessage(phone);
	return { kind: 'phone', e164: phone.e164, digits: phone.digits };
}

/**
 * One key per contact a message goes to: the user ID, or the phone digits with the known WhatsApp
 * variants folded (Brazil, Mexico, Argentina), however the number was written.
 */
export function recipientKeyOf(recipient: RecipientId): string {
	return recipient.kind === 'userId' ? recipient.userId : canonicalDigits(recipient.digits);
}

/** recipientIdOf that throws what is wrong. */
export function readRecipientId(input: unknown, defaultCountry?: string): RecipientId {
	const read = recipientIdOf(input, defaultCountry);
	if (read instanceof RecipientError) throw read;
	return read;
}

/** One contact as a webhook names them: every identifier it carries, and the key to use for them. */
export interface WebhookContact {
	/**
	 * The one key for this person: their user ID (BSUID), which message webhooks carry whether or not
	 * the phone number is shown; the phone digits (Brazil, Mexico and Argentina variants folded) only
	 * for events that carry no user ID (the legacy format, a failed status of a message sent to a number).
	 */
	key: string | null;
	/**
	 * What Send's Recipient takes to reach this contact: the user ID, which works whether or not the
	 * number is hidden, or the wa_id for events without one.
	 */
	address: string | null;
	userId: string | null;
	/** The parent BSUID, when Meta enabled parent BSUIDs for the business. */
	parentUserId: string | null;
	/** The WhatsApp username, when the contact has one (it can change; not a key). */
	username: string | null;
	/** E.164, when the webhook shows the number. */
	phoneNumber: string | null;
	waId: string | null;
	profileName: string | null;
}

type Fields = Record<string, unknown>;

const phoneOf = (waId: string | null): string | null =>
	waId && /^\d+$/.test(waId) ? `+${waId}` : null;

export function contactKeyOf(userId: string | null, waId: string | null): string | null {
	if (userId) return userId;
	return waId && /^\d+$/.test(waId) ? canonicalDigits(waId) : null;
}

/**
 * The contact of a message or status: the identifiers on the event (`from`, `from_user_id`,
 * `recipient_id`, `recipient_user_id`...) completed from the matching entry of the `contacts` array
 * (username, profile name). Meta "Business-scoped user IDs": wa_id and from are absent when the
 * number is hidden; user_id is always there in message webhooks.
 */
export function contactFor(
	ids: { waId: string | null; userId: string | null; parentUserId: string | null },
	contacts: Fields[],
): WebhookContact | null {
	const matches = (entry: Fields) =>
		(ids.userId !== null && textOrNull(entry.user_id) === ids.userId) ||
		(ids.waId !== null && textOrNull(entry.wa_id) === ids.waId);
	// The lone contact stands in only for an event that names nobody: a status for another recipient
	// must not borrow the sender's profile.
	const match =
		ids.userId || ids.waId
			? contacts.find(matches)
			: contacts.length === 1
				? contacts[0]
				: undefined;
	const profile =
		match && typeof match.profile === 'object' && match.profile !== null
			? (match.profile as Fields)
			: {};
	const waId = ids.waId ?? textOrNull(match?.wa_id);
	const userId = ids.userId ?? textOrNull(match?.user_id);
	if (!waId && !userId) return null;
	return {
		key: contactKeyOf(userId, waId),
		address: userId ?? waId,
		userId,
		parentUserId: ids.parentUserId ?? textOrNull(match?.parent_user_id),
		username: textOrNull(profile.username),
		phoneNumber: phoneOf(waId),
		waId,
		profileName: textOrNull(profile.name),
	};
}

/** A person's identifiers before or after a change. */
export interface IdentityState {
	userId: string | null;
	phoneNumber: string | null;
	waId: string | null;
}

/** A contact changed their phone number (which also gives them a new user ID) or their user ID. */
export interface IdentityChange {
	change: 'phone_number' | 'user_id';
	previous: IdentityState;
	current: IdentityState;
}

const identity = (userId: string | null, waId: string | null): IdentityState => ({
	userId,
	phoneNumber: phoneOf(waId),
	waId,
});

/**
 * The old and new identifiers in a system message. `user_changed_number`: the sender is the old
 * number (and user ID), `system.wa_id` and `system.user_id` the new ones. `user_changed_user_id`:
 * `system.user_id` is the new ID; the old one is the sender's, or a `previous_user_id`, or the one
 * the text names ("changed from US.1 to US.2").
 */
export function identityChangeOf(message: Fields): IdentityChange | undefined {
	if (
		textOrNull(message.type) !== 'system' ||
		typeof message.system !== 'object' ||
		message.system === null
	)
		return undefined;
	const system = message.system as Fields;
	const kind = textOrNull(system.type);
	if (kind === 'user_changed_number') {
		return {
			change: 'phone_number',
			previous: identity(textOrNull(message.from_user_id), textOrNull(message.from)),
			current: identity(textOrNull(system.user_id), textOrNull(system.wa_id)),
		};
	}
	if (kind === 'user_changed_user_id') {
		const named = /changed from (\S+) to (\S+)/.exec(textOrNull(system.body) ?? '');
		const previousUserId =
			textOrNull(message.from_user_id) ??
			textOrNull(system.previous_user_id) ??
			(named && isUserId(named[1]) ? named[1] : null);
		const waId = textOrNull(system.wa_id) ?? textOrNull(message.from);
		return {
			change: 'user_id',
			previous: identity(previousUserId, waId),
			current: identity(textOrNull(system.user_id), waId),
		};
	}
	return undefined;
}

/** An entry of the `user_id_update` webhook field: `{ wa_id, user_id: { previous, current } }`. */
export function userIdUpdateOf(entry: Fields): IdentityChange | undefined {
	const ids =
		typeof entry.user_id === 'object' && entry.user_id !== null ? (entry.user_id as Fields) : {};
	const previous = textOrNull(ids.previous);
	const current = textOrNull(ids.current);
	if (!previous && !current) return undefined;
	const waId = textOrNull(entry.wa_id);
	return {
		change: 'user_id',
		previous: identity(previous, waId),
		current: identity(current, waId),
	};
}

/** The phone number a contact shared when asked with Request Contact Info, next to their user ID. */
export interface SharedContactInfo {
	userId: string | null;
	phoneNumber: string | null;
	waId: string | null;
	name: string | null;
}

/**
 * The answer to a contact-info request: a `contacts` message whose card has `origin: "contact_request"`
 * (360dialog "Usernames & BSUID", https://docs.360dialog.com/docs/resources/phone-numbers/usernames-and-bsuid).
 */
export function sharedContactInfoOf(
	message: Fields,
	sender: WebhookContact | null,
): SharedContactInfo | undefined {
	if (textOrNull(message.type) !== 'contacts' || !Array.isArray(message.contacts)) return undefined;
	const cards = message.contacts.filter(
		(card): card is Fields => typeof card === 'object' && card !== null,
	);
	const card =
		cards.find((candidate) => textOrNull(candidate.origin) === 'contact_request') ??
		(textOrNull(message.origin) === 'contact_request' ? cards[0] : undefined);
	if (!card) return undefined;
	const phones = Array.isArray(card.phones)
		? card.phones.filter((phone): phone is Fields => typeof phone === 'object' && phone !== null)
		: [];
	const waId =
		textOrNull(phones[0]?.wa_id) ?? textOrNull(phones[0]?.phone)?.replace(/\D/g, '') ?? null;
	const name =
		typeof card.name === 'object' && card.name !== null
			? textOrNull((card.name as Fields).formatted_name)
			: null;
	return {
		userId: sender?.userId ?? null,
		phoneNumber: phoneOf(waId || null),
		waId: waId || null,
		name,
	};
}
