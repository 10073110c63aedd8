/**
 * 360dialog answers errors in four body shapes: Meta's Graph error
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes)
 * and 360dialog's own (https://docs.360dialog.com/api/api-error-message-list). They are read into
 * one plain description here; the transport turns it into an n8n error.
 */
import { isRecord, textOf } from './values';

export interface ApiErrorInfo {
	httpCode: number;
	/** The WhatsApp/Meta error code when the body carries one (131047, 132000, ...). */
	code?: number;
	message: string;
	details?: string;
}

/** What to do about the errors users meet most. [H] Meta error codes, [H] 360dialog error list */
export const ERROR_HINTS: Record<number, string> = {
	401: 'The API key was refused. Copy the key of this phone number from the 360dialog Hub (API keys are per number, and generating a new key invalidates the old one) into the credential.',
	130429:
		'The phone number reached its throughput limit (about 80 messages per second). Lower "Messages per Second" in the node options.',
	131026:
		'WhatsApp could not deliver to this number: it may not be on WhatsApp, use an old app version, or have blocked you. Check the number; retrying will not help.',
	131047:
		'More than 24 hours have passed since this contact last wrote to you, so WhatsApp only accepts approved templates. Use Message › Send Template to reach this contact.',
	131056:
		'Too many messages went to this same contact in a short time (pair rate limit). Space out messages to one contact.',
	// Meta's error when the business sends to a contact it blocked (Block Users API: "Attempts to message
	// a blocked user return an error"; code and details per Meta's error code list as BSPs quote it) [M].
	130403:
		'You blocked this contact, so WhatsApp does not deliver messages to them (and their messages do not reach you). Unblock them with Contact › Unblock to write to them again; retrying will not help.',
	// Meta "Block users": the blocklist holds at most 64,000 contacts.
	139101:
		'The blocklist is full (64,000 contacts). Unblock contacts with Contact › Unblock before blocking more.',
	132000:
		'The number of template parameters does not match the template. Send exactly one value per variable, per component (header, body, buttons).',
	132001:
		'The template does not exist in this language, or is not approved yet. Check the template name and language code.',
	132012:
		'A template parameter has the wrong format (for example text where the template expects an image).',
	// Meta's Cloud API error codes: a flow blocked or throttled for its endpoint's health.
	132068:
		'WhatsApp blocked this flow because its data endpoint is unhealthy: it cannot be sent until the endpoint recovers (WhatsApp Manager shows its health).',
	132069:
		'WhatsApp throttles this flow (10 sends an hour) because its data endpoint is unhealthy; fix the endpoint, or wait until WhatsApp lifts the limit.',
};

const RATE_LIMIT_TEXT = /rate limit/i;

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return undefined;
}

function numeric(value: unknown): number | undefined {
	const parsed = typeof value === 'string' ? Number(value) : value;
	return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

function detailsOf(value: unknown): string | undefined {
	if (Array.isArray(value)) return text(value.map((entry) => textOf(entry)).join('; '));
	if (isRecord(value)) return text(value.details);
	return text(value);
}

/** A JSON text as its value; anything else (an object, a non-JSON text) as it is. */
export function parseJsonText(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** Reads any of the four error shapes; a body of another shape keeps its text as the message. */
export function parseErrorBody(httpCode: number, body: unknown): ApiErrorInfo {
	const parsedBody = parseJsonText(body);

	// 360dialog wraps Meta's error in "detail" on /marketing_messages (its MM Lite "Expected Errors" page).
	if (isRecord(parsedBody) && isRecord(parsedBody.detail) && isRecord(parsedBody.detail.error))
		return parseErrorBody(httpCode, parsedBody.detail);

	if (isRecord(parsedBody)) {
		const { error, meta, errors } = parsedBody;
		// 1. Meta Graph: { error: { message, code, error_data } }
		if (isRecord(error)) {
			return {
				httpCode,
				code: numeric(error.code),
				message:
					text(error.error_user_msg) ??
					text(error.message) ??
					text(error.error_user_title) ??
					`HTTP ${httpCode}`,
				details: detailsOf(error.error_data),
			};
		}
		// 3. 360dialog Messaging API: { error: "..." }
		if (text(error)) return { httpCode, message: text(error)! };
		// 4. On-premise: { meta: {...}, errors: [{ code, title, details }] }
		if (Array.isArray(errors) && isRecord(errors[0])) {
			const first = errors[0];
			return {
				httpCode,
				code: numeric(first.code),
				message: text(first.title) ?? text(first.message) ?? `HTTP ${httpCode}`,
				details: text(first.details) ?? detailsOf(first.error_data),
			};
		}
		// 2. 360dialog gateway: { meta: { developer_message, details } }
		if (isRecord(meta)) {
			return {
				httpCode,
				message: text(meta.developer_message) ?? text(meta.message) ?? `HTTP ${httpCode}`,
				details: detailsOf(meta.details),
			};
		}
	}

	const raw = typeof parsedBody === 'string' ? text(parsedBody) : undefined;
	return { httpCode, message: raw ? raw.slice(0, 500) : `HTTP ${httpCode} with no error message` };
}

/** 360dialog reports its own rate limit as HTTP 400 "You have exceeded the endpoint rate limit". [H] */
export function isRateLimitAnswer(info: ApiErrorInfo): boolean {
	if (info.httpCode === 429) return true;
	if (info.code === 130429 || info.code === 80007 || info.code === 4) return true;
	return info.httpCode === 400 && RATE_LIMIT_TEXT.test(`${info.message} ${info.details ?? ''}`);
}

/**
 * More than 5 failed GET /{media-id} lookups within an hour block that endpoint for the number for an
 * hour; Meta answers HTTP 429 with Graph code 4. Waiting seconds and retrying only extends the block.
 * [H] 360dialog "Upload, retrieve or delete media"
 * (https://docs.360dialog.com/docs/waba-messaging/media/upload-retrieve-or-delete-media)
 */
export const MEDIA_LOOKUP_BLOCK = { failedLookupsPerHour: 5, blockMinutes: 60 };

export function isMediaLookupBlock(info: ApiErrorInfo): boolean {
	return info.httpCode === 429 && info.code === 4;
}

/** What a blocked media lookup means, and when it lifts at the latest. */
export function mediaLookupBlockHint(now: Date, retryAfterMs?: number): string {
	const lifts = new Date(
		now.getTime() + (retryAfterMs ?? MEDIA_LOOKUP_BLOCK.blockMinutes * 60_000),
	);
	const at = `${lifts.toISOString().slice(11, 16)} UTC`;
	return (
		`360dialog blocks media lookups of a number for ${MEDIA_LOOKUP_BLOCK.blockMinutes} minutes after more than ` +
		`${MEDIA_LOOKUP_BLOCK.failedLookupsPerHour} failed lookups in an hour (usually media IDs that expired or belong to another number). ` +
		`It lifts by ${at} at the latest; retrying earlier keeps it in place. Check the media IDs before trying again.`
	);
}

/**
 * Hints that hold only for some requests; the request names the contexts that apply, so a hint about
 * template variables is not attached to a media download that got the same code.
 */
export const CONTEXT_HINTS = {
	templateSend: {
		100: 'A template parameter is invalid. Named templates also need the name of each variable (parameter_name); check the values given for the template.',
	},
	// Meta "Business-scoped user IDs": 131009 for a bad or no longer current BSUID, 131062 for an authentication template to a BSUID.
	userIdRecipient: {
		131009:
			"The WhatsApp user ID is not valid or no longer current: a contact gets a new one when they change their phone number. Use the user ID from their latest message (the trigger's contact.userId), or their phone number.",
		131062:
			"Authentication templates cannot be sent to a WhatsApp user ID. Send it to the contact's phone number; a Request Contact Info message asks them to share it.",
	},
	// A flow message: Meta documents no own code for an unknown flow or a draft sent as published; 131009 is what comes back.
	flowSend: {
		131009:
			'Check the flow: pick it from the Flow list (Flow › List shows its status). A flow still in draft is sent only with Mode Draft, to your own test numbers; publish it in WhatsApp Manager to send it to anyone. The First Screen must be a screen of the flow.',
	},
	// Meta "Block users" (https://developers.facebook.com/documentation/business-messaging/whatsapp/block-users/):
	// only contacts who wrote in the last 24 hours can be blocked (131047), not the business's own number (131021).
	blockUsers: {
		131047:
			'Only a contact who wrote to this number in the last 24 hours can be blocked (WhatsApp also answers this for a number that is not on WhatsApp).',
		131021: 'A number cannot block itself.',
	},
	// Meta "Mark messages as read": only messages received in the last 30 days, an invalid ID is 131009.
	// https://developers.facebook.com/docs/whatsapp/cloud-api/guides/mark-message-as-read
	readReceipt: {
		131009:
			'Only a message the contact sent within the last 30 days can be marked as read: check that the message ID is the ID of their message (the trigger gives it as message.id) and that it is recent.',
	},
} satisfies Record<string, Record<number, string>>;

export type HintContext = keyof typeof CONTEXT_HINTS;

export function hintFor(info: ApiErrorInfo, contexts: HintContext[] = []): string | undefined {
	if (info.code !== undefined) {
		for (const context of contexts) {
			const hint = (CONTEXT_HINTS[context] as Record<number, string>)[info.code];
			if (hint) return hint;
		}
		if (ERROR_HINTS[info.code]) return ERROR_HINTS[info.code];
	}
	if (info.httpCode === 401) return ERROR_HINTS[401];
	return undefined;
}
