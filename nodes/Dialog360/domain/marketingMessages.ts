/**
 * Marketing Messages Lite (MM Lite): 360dialog's route to Meta's Marketing Messages API for
 * marketing templates. Which endpoint a template send takes, the time-to-live rule, and which refusals
 * of MM Lite say "not available here" (the message was not accepted, so the same message may go
 * through the Cloud API instead). Pure: rules as data, no n8n.
 *
 * Sources:
 * - 360dialog "Sending Messages" (MM Lite): POST https://waba-v2.360dialog.io/marketing_messages, the
 *   same D360-API-KEY and body as /messages, optional `message_activity_sharing`, TTL through
 *   `message_send_ttl_seconds`. https://docs.360dialog.com/partner/mm-lite-beta-program/sending-messages
 * - 360dialog "Expected Errors": the answers below, wrapped as {"detail": {"error": {...}}}.
 *   https://docs.360dialog.com/docs/resources/marketing-messages/expected-errors-and-programming-languages
 *   and the sandbox page https://docs.360dialog.com/partner/mm-lite-beta-program/mm-lite-sandbox-testing/expected-erros-and-programming-languages
 * - Meta "Configure message time-to-live": marketing templates 43200 to 2592000 seconds (12 hours to
 *   30 days), through the Marketing Messages API only.
 *   https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/time-to-live
 * - Meta MM Lite "Support": same error codes as the Cloud API; 131009 while a new or dormant template
 *   is still syncing with its ad account (up to 10 minutes).
 *   https://developers.facebook.com/docs/whatsapp/marketing-messages-lite-api/support
 */
import type { Violation } from './checks';

/** The two paths a template send can take, named as the output's `sentThrough` says them. */
export type SendPath = 'messages' | 'marketing_messages';

export const SEND_PATHS: Record<
	SendPath,
	{ endpoint: 'messages' | 'marketingMessages'; label: string }
> = {
	messages: { endpoint: 'messages', label: 'Cloud API' },
	marketing_messages: { endpoint: 'marketingMessages', label: 'Marketing Messages Lite' },
};

export function isSendPath(value: unknown): value is SendPath {
	return value === 'messages' || value === 'marketing_messages';
}

/** Only MARKETING templates go through MM Lite (360dialog "Sending Messages", "Expected Errors"). */
export const MM_LITE_CATEGORY = 'MARKETING';

/** The TTL of a marketing message on MM Lite: Meta's customizable range for marketing templates. */
export const MM_LITE_TTL = {
	field: 'message_send_ttl_seconds',
	minSeconds: 43_200,
	maxSeconds: 2_592_000,
	label: 'Time to Live (Hours)',
};

/** A TTL given in hours (0 or empty: WhatsApp's default of 30 days) as the seconds the API takes. */
export function ttlSecondsOf(hours: unknown): { seconds?: number; violations: Violation[] } {
	if (hours === undefined || hours === null || hours === '' || hours === 0)
		return { violations: [] };
	const value = typeof hours === 'string' ? Number(hours) : hours;
	const seconds =
		typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 3600) : NaN;
	const { minSeconds, maxSeconds, label } = MM_LITE_TTL;
	if (!(seconds >= minSeconds && seconds <= maxSeconds)) {
		return {
			violations: [
				{
					field: label,
					message: `${label} must be between ${minSeconds / 3600} and ${maxSeconds / 3600} hours (12 hours to 30 days, Meta's range for marketing templates), or 0 for the default of 30 days (got ${String(hours)})`,
				},
			],
		};
	}
	return { seconds, violations: [] };
}

export interface MarketingExtras {
	activitySharing?: boolean;
	ttlSeconds?: number;
}

/** The MM Lite body: the Cloud API body plus the fields only MM Lite takes. */
export function marketingMessagesBody<T extends object>(
	cloudApiBody: T,
	extras: MarketingExtras,
): T & Record<string, unknown> {
	return {
		...cloudApiBody,
		...(extras.activitySharing ? { message_activity_sharing: true } : {}),
		...(extras.ttlSeconds !== undefined ? { [MM_LITE_TTL.field]: extras.ttlSeconds } : {}),
	};
}

/** Why MM Lite is not available for a message: the output's `fellBackBecause`. */
export type RefusalReason =
	'termsNotAccepted' | 'notMarketingTemplate' | 'notTemplateMessage' | 'templateNotSynced';

interface RefusalRule {
	reason: RefusalReason;
	/** The Meta error codes of the answer. */
	codes: number[];
	/** When the code alone does not say it: words of the message or details. */
	text?: RegExp;
	/** What it means, in plain words, for errors and the README. */
	explanation: string;
}

/**
 * MM Lite's documented refusals, first match wins. Each is an answer that the message was not accepted
 * (an error answer, 4xx) for a reason of MM Lite itself, so the Cloud API may take the same message.
 * 360dialog's sandbox page gives code 131055 with the "(#200) ... accept the ... terms" text; Meta's
 * permission errors are 200; both are read as the terms not being accepted.
 */
export const MM_LITE_REFUSALS: RefusalRule[] = [
	{
		reason: 'termsNotAccepted',
		codes: [200, 131055],
		text: /accept the Marketing Messages (Lite )?API terms/i,
		explanation:
			'The business has not accepted the Marketing Messages Lite terms, so this number is not onboarded to MM Lite (accept them in WhatsApp Manager or the 360dialog Hub; it takes effect within about 10 minutes).',
	},
	{
		reason: 'notMarketingTemplate',
		codes: [131055],
		explanation:
			'Marketing Messages Lite sends approved marketing templates only; utility, authentication and service messages go through the Cloud API.',
	},
	{
		reason: 'notTemplateMessage',
		codes: [100],
		text: /must be a template message/i,
		explanation: 'Marketing Messages Lite sends template messages only.',
	},
	{
		reason: 'templateNotSynced',
		codes: [131009],
		explanation:
			'Marketing Messages Lite refused a parameter (#131009): Meta answers this while a new template, or one unused for 7 days, is still syncing for MM Lite (up to 10 minutes).',
	},
];

export interface RefusalAnswer {
	httpCode: number;
	code?: number;
	message?: string;
	details?: string;
}

/**
 * The documented "not available here" refusal an error answer is, or undefined for anything else.
 * Only a 4xx answer counts (429 is a rate limit, repeated on the same path by the transport); a 5xx,
 * a lost connection or an unreadable answer never is one, because the message may have gone out.
 */
export function classifyMarketingRefusal(
	answer: RefusalAnswer | undefined,
): RefusalRule | undefined {
	if (!answer || answer.code === undefined) return undefined;
	if (answer.httpCode < 400 || answer.httpCode >= 500 || answer.httpCode === 429) return undefined;
	const words = `${answer.message ?? ''} ${answer.details ?? ''}`;
	return MM_LITE_REFUSALS.find(
		(rule) => rule.codes.includes(answer.code!) && (!rule.text || rule.text.test(words)),
	);
}

/**
 * How a template send through MM Lite starts, from what is known before sending: a template whose
 * category is known and not MARKETING never goes to MM Lite. It goes through the Cloud API when
 * fallback is on, and is refused (naming the rule) when it is off.
 */
export type MarketingPlan =
	| { kind: 'marketing' }
	| { kind: 'cloudApi'; fellBackBecause: RefusalReason }
	| { kind: 'refuse'; violation: Violation };

export function planMarketingSend(template: {
	name: string;
	language: string;
	category?: string | null;
	fallBack: boolean;
}): MarketingPlan {
	const category = template.category?.toUpperCase();
	if (!category || category === MM_LITE_CATEGORY) return { kind: 'marketing' };
	if (template.fallBack) return { kind: 'cloudApi', fellBackBecause: 'notMarketingTemplate' };
	return {
		kind: 'refuse',
		violation: {
			field: 'Send Through',
			message: `Template ${template.name} (${template.language}) is ${category}: Marketing Messages Lite sends marketing templates only. Choose Send Through › Cloud API, or turn on Fall Back to Cloud API`,
		},
	};
}
