import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { hintFor, isRateLimitAnswer, parseErrorBody, parseJsonText, type ApiErrorInfo } from '../domain/apiErrors';
import {
	endpointPath,
	isEnvironmentName,
	resolveBaseUrl,
	type EndpointName,
	type EnvironmentName,
} from '../domain/environments';
import { decide, DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from './retryPolicy';
import { pacerOf } from './runner';

export const CREDENTIAL_TYPE = 'dialog360Api';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	endpoint: EndpointName;
	pathParams?: Record<string, string>;
	qs?: IDataObject;
	body?: IDataObject | Buffer | FormData;
	headers?: IDataObject;
	/**
	 * Whether sending the request twice does no harm. A send (a message, a template submission, an
	 * upload) is not: after a failure that may have reached 360dialog it is reported, never repeated.
	 */
	idempotent: boolean;
	/** Takes a slot of the run's messages-per-second pacer before every attempt (sends). */
	paced?: boolean;
	/** Answer as bytes (media download). */
	binary?: boolean;
	/** Overrides the endpoint table for a full URL on the 360dialog host (media downloads). */
	url?: string;
	itemIndex?: number;
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
}

interface ResolvedCredentials {
	environment: EnvironmentName;
	baseUrl: string;
	apiKey: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export async function resolveCredentials(this: RequestContext): Promise<ResolvedCredentials> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const environment = isEnvironmentName(credentials.environment) ? credentials.environment : 'production';
	try {
		return {
			environment,
			baseUrl: resolveBaseUrl(environment, credentials.baseUrl as string | undefined),
			apiKey: String(credentials.apiKey ?? ''),
		};
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message);
	}
}

/** Replaces the key wherever it could have been echoed (a proxy, a misconfigured server). */
export function redact(text: string, apiKey: string): string {
	if (!apiKey || apiKey.length < 4) return text;
	return text.split(apiKey).join('[redacted]');
}

function errorCodeOf(error: unknown): { code?: string; hasResponse: boolean } {
	// httpRequestWithAuthentication wraps the axios error in a NodeApiError that keeps the socket error
	// code as its httpCode (n8n-core 2.x); older versions keep the axios error as the cause.
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const candidate = current as { code?: unknown; httpCode?: unknown; response?: unknown; cause?: unknown };
		if (candidate.response) return { hasResponse: true };
		for (const code of [candidate.code, candidate.httpCode]) {
			if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { code, hasResponse: false };
		}
		current = candidate.cause;
	}
	return { hasResponse: false };
}

// The socket error code stays out of the message: n8n's errors swap a message naming one for a generic text.
function describeConnectionFailure(ambiguous: boolean): string {
	if (!ambiguous) return '360dialog could not be reached';
	return (
		'The connection to 360dialog failed after the request was sent, so it may or may not ' +
		'have been processed. It was not repeated, so that nothing is sent twice: check before sending it again.'
	);
}

export function apiError(
	ctx: RequestContext,
	info: ApiErrorInfo,
	apiKey: string,
	itemIndex?: number,
): NodeApiError {
	// Meta's own messages already start with "(#130429)"; the code is added only when missing.
	const codeText = info.code !== undefined && !info.message.includes(`(#${info.code})`) ? ` (#${info.code})` : '';
	const message = redact(`360dialog: ${info.message}${codeText}`, apiKey);
	const hint = hintFor(info);
	const description = [info.details, hint]
		.filter((part): part is string => Boolean(part))
		.map((part) => redact(part, apiKey))
		.join(' — ');
	const safeBody: JsonObject = {
		message,
		httpCode: String(info.httpCode),
		...(info.code !== undefined ? { whatsappCode: info.code } : {}),
		...(info.details ? { details: redact(info.details, apiKey) } : {}),
	};
	return new NodeApiError(ctx.getNode(), safeBody, {
		message,
		description: description || undefined,
		httpCode: String(info.httpCode),
		itemIndex,
	});
}

/**
 * The one way this package talks to 360dialog: every request goes through the credential's
 * authentication, answers are read in all four error shapes, and transient failures are retried.
 */
export async function apiRequest(this: RequestContext, request: ApiRequest): Promise<IDataObject> {
	const { environment, baseUrl, apiKey } = await resolveCredentials.call(this);
	let url: string;
	try {
		url = request.url ?? `${baseUrl}${endpointPath(environment, request.endpoint, request.pathParams)}`;
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

	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		let response: { statusCode: number; headers: IDataObject; body: unknown } | undefined;
		let connectionCode: string | undefined;
		if (request.paced) await pacerOf(this)?.acquire();
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				...options,
			});
		} catch (error) {
			const failure = errorCodeOf(error);
			if (failure.hasResponse) {
				// Only thrown for statuses httpRequest still treats as errors; never carries the key here.
				throw new NodeOperationError(this.getNode(), redact((error as Error).message, apiKey), {
					itemIndex: request.itemIndex,
				});
			}
			connectionCode = failure.code;
		}

		if (response) {
			const status = response.statusCode;
			if (status >= 200 && status < 300) return (request.binary ? response.body : parseJsonText(response.body)) as IDataObject;
			const info = parseErrorBody(status, decodeBody(response.body));
			const decision = decide(
				{
					kind: 'response',
					status,
					rateLimited: isRateLimitAnswer(info),
					retryAfterMs: parseRetryAfter(response.headers?.['retry-after']),
				},
				attempt,
				waitedMs,
				request.idempotent,
				policy,
			);
			if (!decision.retry) {
				if (decision.reason === 'exhausted') {
					info.details = [info.details, `Gave up after ${attempt} attempts.`].filter(Boolean).join(' ');
				}
				throw apiError(this, info, apiKey, request.itemIndex);
			}
			await sleep(decision.delayMs);
			waitedMs += decision.delayMs;
			continue;
		}

		const decision = decide(
			{ kind: 'connectionError', code: connectionCode },
			attempt,
			waitedMs,
			request.idempotent,
			policy,
		);
		if (!decision.retry) {
			// Not an API answer, and NodeApiError would replace a message naming a socket error code.
			const error = new NodeOperationError(
				this.getNode(),
				describeConnectionFailure(decision.reason === 'ambiguous'),
				{
					description: [
						`Connection error: ${connectionCode ?? 'unknown'}.`,
						decision.reason === 'exhausted' ? `Gave up after ${attempt} attempts.` : '',
					]
						.join(' ')
						.trim(),
					itemIndex: request.itemIndex,
				},
			);
			if (decision.reason === 'ambiguous') error.context.ambiguous = true;
			throw error;
		}
		await sleep(decision.delayMs);
		waitedMs += decision.delayMs;
	}
}

function decodeBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	return body;
}
