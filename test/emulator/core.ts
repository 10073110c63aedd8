/**
 * The emulator's core types and helpers: what it records, the faults it injects, the templates and
 * messages it keeps, the error shape 360dialog answers with, and the multipart reader. The server
 * (server.ts) and the routes by resource (routes/) share them.
 */
import type { Emulator } from './server';

export interface RecordedRequest {
	seq: number;
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	/** Whether the D360-API-KEY header carried a known key (the key itself is never recorded). */
	authorized: boolean;
	contentType?: string;
	body: unknown;
	/** What the emulator did: the status it answered, or "dropped". */
	outcome?: number | 'dropped';
}

export interface Fault {
	method?: string;
	/** A path prefix or a pattern. */
	path?: string | RegExp;
	/** How many matching requests it hits; Infinity for all. */
	times?: number;
	/** How many matching requests pass untouched before it hits. */
	skip?: number;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Close the socket before reading the request, or after reading and processing it. */
	drop?: 'beforeRead' | 'afterRead';
	/** Answer this much later (for client timeouts); the request is still processed. */
	delayMs?: number;
	/** Process the request, then answer with a body that is not JSON. */
	garbleAnswer?: boolean;
	/**
	 * With `status`: process the request first (a message is sent), then answer with that status, as
	 * a gateway does whose upstream accepted the request before it failed.
	 */
	afterProcessing?: boolean;
}

export interface EmulatorOptions {
	apiKeys?: string[];
	port?: number;
	latencyMs?: number;
	/** Messages accepted per second on POST /messages; 0 for no limit. */
	messagesPerSecond?: number;
	/** How the limit is answered: 429 with Retry-After, or 360dialog's HTTP 400 rate-limit text. */
	rateLimitAnswer?: '429' | '400';
	/** The most templates one list page holds, whatever `limit` asks for (the API still reports `total`). */
	maxPageSize?: number;
}

export interface Template {
	id: string;
	name: string;
	language: string;
	category: string;
	status: string;
	rejected_reason?: string;
	quality_score?: { score: string };
	components: unknown[];
	parameter_format?: string;
	namespace?: string;
	/** Set on a template made from Meta's template library (routes/templateLibrary.ts). */
	library_template_name?: string;
}

export interface SentMessage {
	id: string;
	to: string;
	payload: Record<string, unknown>;
	at: number;
	/** The endpoint that took it, when not /messages (routes/marketingMessages.ts). */
	via?: 'marketing_messages';
}

export interface MediaItem {
	id: string;
	mimeType: string;
	data: Buffer;
	filename?: string;
}

export const DEFAULT_PROFILE = {
	about: 'Hello from the 360dialog emulator',
	address: '1 Test Street',
	description: 'An emulated WhatsApp business',
	email: 'hello@example.com',
	profile_picture_url: 'https://pps.whatsapp.net/emulated.jpg',
	websites: ['https://example.com'],
	vertical: 'RETAIL',
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function metaError(status: number, code: number, message: string, details?: string) {
	return {
		status,
		body: {
			error: {
				message: `(#${code}) ${message}`,
				type: 'OAuthException',
				code,
				...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
				fbtrace_id: 'emulator',
			},
		},
	};
}

/**
 * One page of a list with Meta's cursor paging (Graph API "Paginated Results"): `limit` and an
 * `after` cursor (here the index to start at), `paging.next` only when another page follows.
 */
export function cursorPage<T>(
	all: T[],
	url: URL,
	defaultLimit: number,
): { page: T[]; paging: Record<string, unknown> } {
	const limit = Math.max(1, Number(url.searchParams.get('limit')) || defaultLimit);
	const start = Number(url.searchParams.get('after') ?? 0) || 0;
	const page = all.slice(start, start + limit);
	const next = start + page.length < all.length ? String(start + page.length) : undefined;
	return {
		page,
		paging: {
			cursors: { before: String(start), ...(next ? { after: next } : {}) },
			...(next ? { next: `${url.origin}${url.pathname}?limit=${limit}&after=${next}` } : {}),
		},
	};
}

export function parseMultipart(
	body: Buffer,
	contentType: string,
): Record<string, { filename?: string; contentType?: string; data: Buffer }> {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	const parts: Record<string, { filename?: string; contentType?: string; data: Buffer }> = {};
	if (!boundary) return parts;
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = body.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const name = /name="([^"]+)"/i.exec(headers)?.[1];
			if (name) {
				parts[name] = {
					filename: /filename="([^"]*)"/i.exec(headers)?.[1],
					contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1],
					data: part.subarray(headerEnd + 4),
				};
			}
		}
		start = next;
	}
	return parts;
}

/** What a route sees of one authorized request (json: the body when it is a JSON object, else {}). */
export interface RouteRequest {
	method: string;
	path: string;
	url: URL;
	body: unknown;
	json: Record<string, any>;
	contentType: string;
	record: RecordedRequest;
}

export interface RouteAnswer {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

/** One resource's routes: the answer, or undefined when the request is not this resource's. */
export type Route = (emulator: Emulator, request: RouteRequest) => RouteAnswer | undefined;
