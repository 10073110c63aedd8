/**
 * When a failed request is sent again, and after how long. Pure: the transport feeds it outcomes and
 * sleeps for the delays it returns.
 */

export interface RetryPolicy {
	maxAttempts: number;
	/** Total time that may be spent waiting between attempts of one request. */
	maxTotalWaitMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 6,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 15_000,
};

/**
 * Answers that say the request was not processed: 429 (rate limit) and 503 (service unavailable,
 * Meta's 131016). Safe to repeat for any request (https://docs.360dialog.com/api/api-error-message-list,
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes).
 */
const NOT_PROCESSED_STATUS = new Set([429, 503]);

/**
 * Server errors that a gateway can give after the request went through (a 502 or 504 from a proxy
 * whose upstream accepted the message; Meta's 500 with 131000). A read is repeated; a send is not,
 * unless the user chose to risk a duplicate.
 */
const SERVER_ERROR_STATUS = new Set([500, 502, 504]);

/**
 * Connection errors that happen before the request can have reached the server: safe to repeat for
 * any request. Any other failure without a response (reset, hang-up, timeout) may come after the
 * server read the request, so a send is not repeated.
 */
const NOT_SENT_ERROR_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EADDRNOTAVAIL',
]);

export type Outcome =
	| { kind: 'response'; status: number; rateLimited: boolean; retryAfterMs?: number }
	| { kind: 'connectionError'; code?: string };

export type Decision =
	| { retry: true; delayMs: number }
	| { retry: false; reason: 'success' | 'notRetryable' | 'ambiguous' | 'exhausted' };

/** What the decision needs to know about the request itself. */
export interface RetryTarget {
	/** Whether repeating the request cannot do anything twice (a read, a delete, a webhook setting). */
	idempotent: boolean;
	/** A send whose user accepted that a 500/502/504 is retried even though it may send twice. */
	retryServerErrors?: boolean;
}

export function isNotSentError(code: string | undefined): boolean {
	return code !== undefined && NOT_SENT_ERROR_CODES.has(code);
}

/** `Retry-After` as seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const raw = Array.isArray(value) ? value[0] : value;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * @param attempt the attempt that just ended, from 1
 * @param waitedMs the time already spent waiting for this request
 */
export function decide(
	outcome: Outcome,
	attempt: number,
	waitedMs: number,
	target: RetryTarget,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	random = Math.random,
): Decision {
	const mayRepeatAfterProcessing = target.idempotent || target.retryServerErrors === true;
	if (outcome.kind === 'response') {
		if (outcome.status >= 200 && outcome.status < 300) return { retry: false, reason: 'success' };
		const notProcessed = outcome.rateLimited || NOT_PROCESSED_STATUS.has(outcome.status);
		if (!notProcessed) {
			if (!SERVER_ERROR_STATUS.has(outcome.status)) return { retry: false, reason: 'notRetryable' };
			if (!mayRepeatAfterProcessing) return { retry: false, reason: 'ambiguous' };
		}
	} else if (!target.idempotent && !isNotSentError(outcome.code)) {
		// A reset or a timeout may come after the server read the request: never repeated for a send,
		// not even with retryServerErrors (that option is about answers, not lost connections).
		return { retry: false, reason: 'ambiguous' };
	}

	if (attempt >= policy.maxAttempts) return { retry: false, reason: 'exhausted' };
	const retryAfterMs = outcome.kind === 'response' ? outcome.retryAfterMs : undefined;
	const delayMs =
		retryAfterMs !== undefined
			? retryAfterMs + Math.round(random() * 250)
			: backoffDelay(attempt, policy, random);
	if (waitedMs + delayMs > policy.maxTotalWaitMs) return { retry: false, reason: 'exhausted' };
	return { retry: true, delayMs };
}
