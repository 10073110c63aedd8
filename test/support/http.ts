/**
 * The HTTP client of the end-to-end tests (axios). Every request opens its own connection, so a
 * keep-alive socket that n8n has just closed is never reused ("other side closed" under load), and
 * idempotent requests are tried again after a reset. A request that may start something (a webhook
 * call, a delivery) is sent once.
 */
import http from 'node:http';

import axios, { type AxiosError } from 'axios';

const freshConnection = new http.Agent({ keepAlive: false });

/** Failures of the connection, not answers: worth another try for a request that changes nothing. */
const RESETS = new Set([
	'ECONNRESET',
	'EPIPE',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'UND_ERR_SOCKET',
]);
const ATTEMPTS = 4;

export interface HttpOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	headers?: Record<string, string>;
	/** An object is sent as JSON; a string or a Buffer as it is; FormData as multipart. */
	body?: unknown;
	/** Whether the request may be repeated after a reset; GET by default. */
	idempotent?: boolean;
	timeoutMs?: number;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, string>;
	text: string;
	json<T = unknown>(): T;
}

function payloadOf(
	body: unknown,
	headers: Record<string, string>,
): { data?: unknown; headers: Record<string, string> } {
	if (body === undefined) return { headers };
	if (typeof body === 'string' || Buffer.isBuffer(body) || body instanceof FormData)
		return { data: body, headers };
	return {
		data: JSON.stringify(body),
		headers: { 'content-type': 'application/json', ...headers },
	};
}

export async function request(url: string, options: HttpOptions = {}): Promise<HttpResponse> {
	const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
	const idempotent = options.idempotent ?? method === 'GET';
	const { data, headers } = payloadOf(options.body, options.headers ?? {});
	for (let attempt = 1; ; attempt++) {
		try {
			const response = await axios.request<ArrayBuffer>({
				url,
				method,
				data,
				headers,
				httpAgent: freshConnection,
				responseType: 'arraybuffer',
				validateStatus: () => true,
				maxRedirects: 0,
				maxBodyLength: Infinity,
				timeout: options.timeoutMs ?? 30_000,
				transitional: { clarifyTimeoutError: true },
			});
			const text = Buffer.from(response.data).toString('utf8');
			const flatHeaders = Object.fromEntries(
				Object.entries(response.headers).map(([name, value]) => [
					name,
					Array.isArray(value) ? value.join(', ') : String(value),
				]),
			);
			return {
				status: response.status,
				headers: flatHeaders,
				text,
				json: <T>() => JSON.parse(text) as T,
			};
		} catch (error) {
			const code = (error as AxiosError).code ?? '';
			if (!idempotent || !RESETS.has(code) || attempt >= ATTEMPTS) throw error;
		}
	}
}

/** JSON in, JSON out, for n8n's REST and public API. */
export async function requestJson<T>(
	url: string,
	options: HttpOptions = {},
): Promise<{ status: number; body: T; headers: Record<string, string> }> {
	const response = await request(url, options);
	let body: unknown = response.text;
	try {
		body = JSON.parse(response.text);
	} catch {
		// not JSON: the text as it is
	}
	return { status: response.status, body: body as T, headers: response.headers };
}
