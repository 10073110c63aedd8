import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	isMediaLookupBlock,
	isRateLimitAnswer,
	mediaLookupBlockHint,
	parseErrorBody,
	parseJsonText,
	type ApiErrorInfo,
	type HintContext,
} from '../domain/apiErrors';
import { endpointPath, type EndpointName } from '../domain/environments';
import {
	CREDENTIAL_TYPE,
	resolveCredentials,
	type RequestContext,
	type ResolvedCredentials,
} from './credentials';
import { apiError, connectionError, redact, serverErrorInDoubt } from './errors';
import {
	decide,
	DEFAULT_RETRY_POLICY,
	parseRetryAfter,
	type Outcome,
	type RetryPolicy,
} from './retryPolicy';
import { paceClock, pacerOf } from './pacer';

export { redact } from './errors';
export type { RequestContext } from './credentials';

export interface ApiRequest {
	method: IHttpRequestMethods;
	endpoint: EndpointName;
	pathParams?: Record<string, string>;
	qs?: IDataObject;
	body?: IDataObject | Buffer | FormData;
	headers?: IDataObject;
	/**
	 * Whether sending the request twice does no harm (reads, deletes, webhook settings). A send, a
	 * template submission, a media upload or a profile update is not: an answer or a failure that
	 * says it may have been processed is reported, never repeated.
	 */
	idempotent: boolean;
	/**
	 * For sends that offer the option: whether a 500/502/504 is retried although the message may have
	 * gone out (the user accepted a possible duplicate). Undefined where the option is not offered.
	 */
	retryServerErrors?: boolean;
	/** Which request-specific hints apply to an error answer (template sends, user-ID recipients). */
	hintContexts?: HintContext[];
	/** Takes a slot of the run's messages-per-second pacer before every attempt (sends). */
	paced?: boolean;
	/**
	 * An error answer whose body still carries the request's result (Block Users' partial success:
	 * HTTP 400 with the per-user lists) is returned like a success when this says so.
	 */
	resultInError?: (body: unknown) => boolean;
	/** Answer as bytes (media download). */
	binary?: boolean;
	/** Overrides the endpoint table for a full URL on the 360dialog host (media downloads). */
	url?: string;
	itemIndex?: number;
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

function connectionCodeOf(error: unknown): { code?: string; hasResponse: boolean } {
	// httpRequestWithAuthentication wraps the axios error in a NodeApiError that keeps the socket error
	// code as its httpCode (n8n-core 2.x); older versions keep the axios error as the cause.
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const candidate = current as {
			code?: unknown;
			httpCode?: unknown;
			response?: unknown;
			cause?: unknown;
		};
		if (candidate.response) return { hasResponse: true };
		for (const code of [candidate.code, candidate.httpCode]) {
			if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { code, hasResponse: false };
		}
		current = candidate.cause;
	}
	return { hasResponse: false };
}

function decodeBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	return body;
}

/** What one attempt came to: a 2xx body, an error answer read into one shape, or no answer. */
type Attempt =
	| { kind: 'success'; body: unknown }
	| { kind: 'answer'; info: ApiErrorInfo; body: unknown; outcome: Outcome; retryAfterMs?: number }
	| { kind: 'noAnswer'; code?: string; outcome: Outcome };

async function attemptOnce(
	ctx: RequestContext,
	options: IHttpRequestOptions,
	request: ApiRequest,
	credentials: ResolvedCredentials,
): Promise<Attempt> {
	let response: { statusCode: number; headers: IDataObject; body: unknown };
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			{ ...options },
			{ credentialsDecrypted: credentials.decrypted },
		);
	} catch (error) {
		const failure = connectionCodeOf(error);
		if (failure.hasResponse) {
			// Only thrown for statuses httpRequest still treats as errors; never carries the key here.
			throw new NodeOperationError(
				ctx.getNode(),
				redact((error as Error).message, credentials.apiKey),
				{
					itemIndex: request.itemIndex,
				},
			);
		}
		return {
			kind: 'noAnswer',
			code: failure.code,
			outcome: { kind: 'connectionError', code: failure.code },
		};
	}
	const status = response.statusCode;
	if (status >= 200 && status < 300)
		return { kind: 'success', body: request.binary ? response.body : parseJsonText(response.body) };
	const body = parseJsonText(decodeBody(response.body));
	const info = parseErrorBody(status, body);
	const retryAfterMs = parseRetryAfter(response.headers?.['retry-after']);
	return {
		kind: 'answer',
		info,
		body,
		retryAfterMs,
		outcome: { kind: 'response', status, rateLimited: isRateLimitAnswer(info), retryAfterMs },
	};
}

/**
 * The one way this package talks to 360dialog: every request goes through the credential's
 * authentication, answers are read in all four error shapes, and failures that say the request was
 * not processed are retried (see retryPolicy.ts for which ones, per kind of request).
 */
export async function apiRequest(this: RequestContext, request: ApiRequest): Promise<IDataObject> {
	const credentials = await resolveCredentials.call(this);
	const { environment, baseUrl, apiKey } = credentials;
	let url: string;
	try {
		url =
			request.url ?? `${baseUrl}${endpointPath(environment, request.endpoint, request.pathParams)}`;
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex: request.itemIndex,
		});
	}

	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		body: request.body,
		headers: request.headers,
		// Raw bytes (an upload) go as they are; everything else is JSON.
		json: !request.binary && !Buffer.isBuffer(request.body),
		encoding: request.binary ? 'arraybuffer' : undefined,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	const policy = request.retryPolicy ?? DEFAULT_RETRY_POLICY;
	// Read only for an error: n8n gives a deep copy of the node and its parameters on every call.
	const node = () => this.getNode();

	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		if (request.paced) await pacerOf(this)?.acquire();
		const sentAt = paceClock.now();
		const result = await attemptOnce(this, options, request, credentials);
		if (request.paced) {
			// The pace follows what 360dialog accepts (see RatePacer), the workers its answer time.
			pacerOf(this)?.answered(paceClock.now() - sentAt);
			if (result.kind === 'success') pacerOf(this)?.succeeded();
			else if (
				result.kind === 'answer' &&
				result.outcome.kind === 'response' &&
				result.outcome.rateLimited
			)
				pacerOf(this)?.rateLimited();
		}
		if (result.kind === 'success') return result.body as IDataObject;
		if (result.kind === 'answer' && request.resultInError?.(result.body))
			return result.body as IDataObject;

		if (
			result.kind === 'answer' &&
			request.endpoint === 'mediaItem' &&
			request.method === 'GET' &&
			isMediaLookupBlock(result.info)
		) {
			// Not a passing rate limit: retries would only keep the block in place.
			throw apiError(node(), result.info, apiKey, request.itemIndex, {
				hint: mediaLookupBlockHint(new Date(), result.retryAfterMs),
			});
		}
		const decision = decide(result.outcome, attempt, waitedMs, request, policy);
		if (decision.retry) {
			await paceClock.sleep(decision.delayMs);
			waitedMs += decision.delayMs;
			continue;
		}
		const gaveUpAfter = decision.reason === 'exhausted' ? attempt : undefined;
		if (result.kind === 'noAnswer')
			throw connectionError(
				node(),
				result.code,
				decision.reason === 'ambiguous',
				gaveUpAfter,
				request.itemIndex,
			);
		if (decision.reason === 'ambiguous')
			throw serverErrorInDoubt(
				node(),
				result.info,
				apiKey,
				request.itemIndex,
				request.retryServerErrors !== undefined,
			);
		throw apiError(node(), result.info, apiKey, request.itemIndex, {
			note: gaveUpAfter ? `Gave up after ${gaveUpAfter} attempts.` : undefined,
			hintContexts: request.hintContexts,
		});
	}
}
