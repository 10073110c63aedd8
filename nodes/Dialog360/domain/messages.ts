/**
 * Message payloads for POST /messages, built from what a user fills in and checked against the rules
 * table before anything is sent. Every violation is collected, so one error names them all.
 */
import { parsePhoneNumber, PhoneNumberError } from './phone';
import {
	capitalize,
	countCharacters,
	formatBytes,
	RuleChecks,
	MEDIA_KINDS,
	MEDIA_RULES,
	MESSAGE_COUNT_RULES,
	MESSAGE_RULES,
	type MediaKind,
	type Violation,
} from './rules';

export type MediaSource =
	| { link: string }
	| { id: string }
	/** A file in the workflow, uploaded through /media before the send. */
	| { upload: { mimeType: string; bytes: number; fileName?: string } };

export interface ContactCard {
	formattedName: string;
	firstName?: string;
	lastName?: string;
	company?: string;
	phones?: Array<{ phone: string; type?: string; waId?: string }>;
	emails?: Array<{ email: string; type?: string }>;
	urls?: Array<{ url: string; type?: string }>;
	birthday?: string;
}

export interface InteractiveText {
	body: string;
	header?: string;
	footer?: string;
}

export interface ListRow {
	section?: string;
	id: string;
	title: string;
	description?: string;
}

export type MessageContent =
	| { type: 'text'; body: string; previewUrl?: boolean }
	| { type: MediaKind; media: MediaSource; caption?: string; filename?: string }
	| { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
	| { type: 'contacts'; contacts: ContactCard[] }
	| ({ type: 'replyButtons'; buttons: Array<{ id: string; title: string }> } & InteractiveText)
	| ({ type: 'list'; button: string; rows: ListRow[] } & InteractiveText)
	| ({ type: 'ctaUrl'; displayText: string; url: string } & InteractiveText)
	| { type: 'reaction'; messageId: string; emoji: string };

export type MessageType = MessageContent['type'];

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
	pendingUpload?: { kind: MediaKind; mimeType: string; fileName?: string };
}

/** Reads the recipient; WhatsApp wants the digits with the country code. */
function readRecipient(recipient: Recipient, checks: RuleChecks) {
	try {
		return parsePhoneNumber(recipient.to, recipient.defaultCountry);
	} catch (error) {
		const problem = error instanceof PhoneNumberError ? error.message : `could not be read (${(error as Error).message})`;
		checks.add('Recipient', `Recipient ${problem}; use the international form, e.g. +447700900123, or set a Default Country`);
		return undefined;
	}
}

function isWebUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

function normalizeMimeType(mimeType: string | undefined): string {
	return (mimeType ?? '').split(';')[0].trim().toLowerCase();
}

function mediaFileViolations(kind: MediaKind, mimeType: string, bytes: number): Violation[] {
	const rule = MEDIA_RULES[kind];
	const label = capitalize(kind);
	const violations: Violation[] = [];
	if (rule.mimeTypes && !rule.mimeTypes.includes(mimeType)) {
		violations.push({ field: label, message: `${label} must be ${rule.mimeTypes.join(', ')} (got ${mimeType || 'no type'}) — ${rule.source}` });
	}
	if (bytes > rule.maxBytes) {
		violations.push({ field: label, message: `${label} must be at most ${formatBytes(rule.maxBytes)} (got ${formatBytes(bytes)}) — ${rule.source}` });
	}
	if (bytes === 0) violations.push({ field: label, message: `${label} file is empty` });
	return violations;
}

/** A file about to be uploaded, checked as the kind chosen or, for "auto", the kind its type implies. */
export function checkMediaFile(kindChoice: string, mimeType: string | undefined, bytes: number): { kind: MediaKind; mimeType: string; violations: Violation[] } {
	const type = normalizeMimeType(mimeType) || 'application/octet-stream';
	const kind = (MEDIA_KINDS as string[]).includes(kindChoice) ? (kindChoice as MediaKind) : mediaKindFor(type);
	return { kind, mimeType: type, violations: mediaFileViolations(kind, type, bytes) };
}

function mediaObject(kind: MediaKind, source: MediaSource, checks: RuleChecks): { media: Record<string, unknown>; pendingUpload?: BuiltMessage['pendingUpload'] } {
	const label = capitalize(kind);
	if ('link' in source) {
		if (!isWebUrl(source.link.trim())) checks.add(`${label} Link`, `${label} Link must be an http(s) URL that Meta can fetch (got "${source.link}")`);
		return { media: { link: source.link.trim() } };
	}
	if ('id' in source) {
		if (source.id.trim() === '') checks.add(`${label} Media ID`, `${label} Media ID must not be empty (an ID from Media › Upload)`);
		return { media: { id: source.id.trim() } };
	}
	const mimeType = normalizeMimeType(source.upload.mimeType);
	for (const violation of mediaFileViolations(kind, mimeType, source.upload.bytes)) checks.add(violation.field, violation.message);
	return { media: {}, pendingUpload: { kind, mimeType, fileName: source.upload.fileName } };
}

function interactiveFrame(content: InteractiveText, checks: RuleChecks, headerAllowed = true): Record<string, unknown> {
	checks.length('Body', content.body, MESSAGE_RULES.interactiveBody);
	checks.optionalLength('Header Text', content.header, MESSAGE_RULES.interactiveHeader);
	checks.optionalLength('Footer', content.footer, MESSAGE_RULES.interactiveFooter);
	return {
		...(headerAllowed && content.header ? { header: { type: 'text', text: content.header } } : {}),
		body: { text: content.body },
		...(content.footer ? { footer: { text: content.footer } } : {}),
	};
}

function duplicates(values: string[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const value of values) (seen.has(value) ? repeated : seen).add(value);
	return [...repeated];
}

function contentPayload(content: MessageContent, checks: RuleChecks): { body: Record<string, unknown>; pendingUpload?: BuiltMessage['pendingUpload'] } {
	switch (content.type) {
		case 'text':
			checks.length('Text', content.body, MESSAGE_RULES.text);
			return { body: { type: 'text', text: { body: content.body, preview_url: content.previewUrl === true } } };

		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker': {
			const { media, pendingUpload } = mediaObject(content.type, content.media, checks);
			if (content.caption) {
				if (!MEDIA_RULES[content.type].captions) checks.add('Caption', `Caption is not allowed on ${content.type} messages — ${MEDIA_RULES[content.type].source}`);
				else {
					checks.length('Caption', content.caption, MESSAGE_RULES.caption);
					media.caption = content.caption;
				}
			}
			if (content.filename && content.type === 'document') {
				checks.length('File Name', content.filename, MESSAGE_RULES.filename);
				media.filename = content.filename;
			}
			return { body: { type: content.type, [content.type]: media }, pendingUpload };
		}

		case 'location': {
			const { latitude, longitude } = content;
			if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) checks.add('Latitude', `Latitude must be a number from -90 to 90 (got ${latitude})`);
			if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) checks.add('Longitude', `Longitude must be a number from -180 to 180 (got ${longitude})`);
			checks.optionalLength('Location Name', content.name, MESSAGE_RULES.locationName);
			checks.optionalLength('Address', content.address, MESSAGE_RULES.locationAddress);
			return {
				body: {
					type: 'location',
					location: { latitude, longitude, ...(content.name ? { name: content.name } : {}), ...(content.address ? { address: content.address } : {}) },
				},
			};
		}

		case 'contacts': {
			checks.count('Contacts', content.contacts.length, MESSAGE_COUNT_RULES.contacts);
			const cards = content.contacts.map((card, index) => {
				checks.length(`Contact ${index + 1} Formatted Name`, card.formattedName, MESSAGE_RULES.contactFormattedName);
				const phones = (card.phones ?? []).filter((phone) => phone.phone.trim() !== '');
				return {
					name: {
						formatted_name: card.formattedName,
						...(card.firstName ? { first_name: card.firstName } : {}),
						...(card.lastName ? { last_name: card.lastName } : {}),
					},
					...(phones.length
						? { phones: phones.map((phone) => ({ phone: phone.phone, ...(phone.type ? { type: phone.type } : {}), ...(phone.waId ? { wa_id: phone.waId } : {}) })) }
						: {}),
					...(card.emails?.length ? { emails: card.emails.map((email) => ({ email: email.email, ...(email.type ? { type: email.type } : {}) })) } : {}),
					...(card.urls?.length ? { urls: card.urls.map((url) => ({ url: url.url, ...(url.type ? { type: url.type } : {}) })) } : {}),
					...(card.company ? { org: { company: card.company } } : {}),
					...(card.birthday ? { birthday: card.birthday } : {}),
				};
			});
			return { body: { type: 'contacts', contacts: cards } };
		}

		case 'replyButtons': {
			const frame = interactiveFrame(content, checks);
			checks.count('Buttons', content.buttons.length, MESSAGE_COUNT_RULES.replyButtons);
			content.buttons.forEach((button, index) => {
				checks.length(`Button ${index + 1} Title`, button.title, MESSAGE_RULES.replyButtonTitle);
				checks.length(`Button ${index + 1} ID`, button.id, MESSAGE_RULES.replyButtonId);
			});
			for (const title of duplicates(content.buttons.map((button) => button.title))) {
				checks.add('Buttons', `Button titles must be unique ("${title}" is used twice) — ${MESSAGE_COUNT_RULES.replyButtons.source}`);
			}
			for (const id of duplicates(content.buttons.map((button) => button.id))) {
				checks.add('Buttons', `Button IDs must be unique ("${id}" is used twice)`);
			}
			return {
				body: {
					type: 'interactive',
					interactive: {
						type: 'button',
						...frame,
						action: { buttons: content.buttons.map((button) => ({ type: 'reply', reply: { id: button.id, title: button.title } })) },
					},
				},
			};
		}

		case 'list': {
			const frame = interactiveFrame(content, checks);
			checks.length('List Button Text', content.button, MESSAGE_RULES.listButton);
			checks.count('Rows', content.rows.length, MESSAGE_COUNT_RULES.listRows);
			const sections: Array<{ title?: string; rows: Array<Record<string, string>> }> = [];
			content.rows.forEach((row, index) => {
				checks.length(`Row ${index + 1} Title`, row.title, MESSAGE_RULES.listRowTitle);
				checks.length(`Row ${index + 1} ID`, row.id, MESSAGE_RULES.listRowId);
				checks.optionalLength(`Row ${index + 1} Description`, row.description, MESSAGE_RULES.listRowDescription);
				const title = row.section?.trim() || undefined;
				let section = sections.find((candidate) => candidate.title === title);
				if (!section) {
					section = { title, rows: [] };
					sections.push(section);
				}
				section.rows.push({ id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) });
			});
			if (content.rows.length) checks.count('Sections', sections.length, MESSAGE_COUNT_RULES.listSections);
			sections.forEach((section) => {
				if (section.title) checks.length(`Section "${section.title}" Title`, section.title, MESSAGE_RULES.listSectionTitle);
			});
			if (sections.length > 1 && sections.some((section) => !section.title)) {
				checks.add('Section', 'Every row needs a Section Title when the list has more than one section — Cloud API list [M] §4.1');
			}
			for (const id of duplicates(content.rows.map((row) => row.id))) checks.add('Rows', `Row IDs must be unique ("${id}" is used twice)`);
			return {
				body: {
					type: 'interactive',
					interactive: {
						type: 'list',
						...frame,
						action: { button: content.button, sections: sections.map((section) => (section.title ? section : { rows: section.rows })) },
					},
				},
			};
		}

		case 'ctaUrl': {
			const frame = interactiveFrame(content, checks);
			checks.length('Button Text', content.displayText, MESSAGE_RULES.ctaDisplayText);
			checks.length('Button URL', content.url, MESSAGE_RULES.url);
			if (content.url && !isWebUrl(content.url)) checks.add('Button URL', `Button URL must be an http(s) URL (got "${content.url}")`);
			return {
				body: {
					type: 'interactive',
					interactive: {
						type: 'cta_url',
						...frame,
						action: { name: 'cta_url', parameters: { display_text: content.displayText, url: content.url } },
					},
				},
			};
		}

		case 'reaction': {
			if (content.messageId.trim() === '') checks.add('Message ID', 'Message ID must be the wamid of the message to react to (it is empty)');
			// An empty emoji removes the reaction; anything else must be a single emoji.
			if (countCharacters(content.emoji) > 10) checks.add('Emoji', `Emoji must be one emoji, or empty to remove the reaction (got "${content.emoji}")`);
			return { body: { type: 'reaction', reaction: { message_id: content.messageId.trim(), emoji: content.emoji } } };
		}
	}
}

/**
 * Wraps a message body in the envelope every send shares: the recipient (as digits, the form the
 * API documents), reply-to and callback data.
 */
export function addressMessage(envelope: MessageEnvelope, body: Record<string, unknown>, violations: Violation[] = []): Omit<BuiltMessage, 'pendingUpload'> {
	const checks = new RuleChecks();
	const recipient = readRecipient(envelope, checks);
	checks.optionalLength('Callback Data', envelope.bizOpaqueCallbackData, MESSAGE_RULES.bizOpaqueCallbackData);
	const payload: Record<string, unknown> = {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: recipient?.digits ?? '',
		...body,
		...(envelope.replyTo?.trim() ? { context: { message_id: envelope.replyTo.trim() } } : {}),
		...(envelope.bizOpaqueCallbackData ? { biz_opaque_callback_data: envelope.bizOpaqueCallbackData } : {}),
	};
	return { payload, violations: [...checks.violations, ...violations], recipientE164: recipient?.e164 };
}

/** The whole POST /messages body, or the violations that stop it. */
export function buildMessage(envelope: MessageEnvelope, content: MessageContent): BuiltMessage {
	const checks = new RuleChecks();
	const { body, pendingUpload } = contentPayload(content, checks);
	return { ...addressMessage(envelope, body, checks.violations), pendingUpload };
}

/** Puts the id of an uploaded file into a payload built with `pendingUpload`. */
export function withMediaId(payload: Record<string, unknown>, kind: MediaKind, mediaId: string): Record<string, unknown> {
	return { ...payload, [kind]: { ...(payload[kind] as Record<string, unknown>), id: mediaId } };
}

export function markAsReadPayload(messageId: string, typingIndicator: boolean): { payload: Record<string, unknown>; violations: Violation[] } {
	const violations: Violation[] = [];
	if (messageId.trim() === '') violations.push({ field: 'Message ID', message: 'Message ID must be the wamid of an inbound message (it is empty)' });
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
export function simplifySendResponse(response: unknown, recipientE164: string | undefined): SendResult {
	const body = (response ?? {}) as { contacts?: Array<{ wa_id?: string }>; messages?: Array<{ id?: string; message_status?: string }> };
	const message = body.messages?.[0];
	return {
		to: recipientE164 ?? null,
		waId: body.contacts?.[0]?.wa_id ?? null,
		messageId: message?.id ?? null,
		status: message?.message_status ?? 'accepted',
	};
}

/** Which kind a file of this type is sent as, when the user lets the package choose. */
export function mediaKindFor(mimeType: string): MediaKind {
	const type = normalizeMimeType(mimeType);
	for (const kind of ['sticker', 'image', 'video', 'audio'] as const) {
		if (MEDIA_RULES[kind].mimeTypes?.includes(type)) return kind;
	}
	return 'document';
}
