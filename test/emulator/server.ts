/**
 * A local stand-in for the part of the 360dialog API this package uses, on 127.0.0.1 with state in
 * memory. It records every request, injects faults, and posts inbound webhook events to the URL
 * registered with it. Tests and benchmarks drive it in-process; `npm run emulator` runs it alone and
 * exposes the same controls over HTTP under /__emulator/.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { request } from '../support/http';
import type { AnswerDelay } from './answerDelay';
import { DEMO_TEMPLATES, SAMPLE_EVENTS } from './demo';

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
}

export interface SentMessage {
	id: string;
	to: string;
	payload: Record<string, unknown>;
	at: number;
}

interface MediaItem {
	id: string;
	mimeType: string;
	data: Buffer;
	filename?: string;
}

const DEFAULT_PROFILE = {
	about: 'Hello from the 360dialog emulator',
	address: '1 Test Street',
	description: 'An emulated WhatsApp business',
	email: 'hello@example.com',
	profile_picture_url: 'https://pps.whatsapp.net/emulated.jpg',
	websites: ['https://example.com'],
	vertical: 'RETAIL',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function metaError(status: number, code: number, message: string, details?: string) {
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

function parseMultipart(
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

export class Emulator {
	readonly requests: RecordedRequest[] = [];
	readonly sent: SentMessage[] = [];
	readonly deliveries: Array<{ url: string; status: number | 'failed' }> = [];
	templates: Template[] = [];
	/** Contacts whose 24-hour window is closed: only templates reach them (131047 otherwise). */
	readonly closedWindows = new Set<string>();
	/**
	 * Contacts known by their business-scoped user ID: the user ID and their phone digits, or null for
	 * a contact who uses a username and hides their number.
	 */
	readonly usernameContacts = new Map<string, string | null>();
	/** User IDs that are no longer current (the contact changed their number): sends answer 131009. */
	readonly staleUserIds = new Set<string>();
	profile: Record<string, unknown> = { ...DEFAULT_PROFILE };
	webhook: { url: string | null; headers: Record<string, string> } = { url: null, headers: {} };
	multiWebhook: {
		enabled: boolean;
		destinations: Array<{ name: string; url: string; headers?: Record<string, string> }>;
	} = {
		enabled: false,
		destinations: [],
	};
	readonly media = new Map<string, MediaItem>();
	readonly uploads = new Map<
		string,
		{ fileLength: number; fileType: string; received: number; handle?: string }
	>();
	faults: Fault[] = [];
	latencyMs: number;
	messagesPerSecond: number;
	rateLimitAnswer: '429' | '400';
	maxPageSize: number;
	rateLimited = 0;
	/** A seeded random wait of each request before it is processed, on top of `latencyMs`. */
	answerDelay?: AnswerDelay;

	private readonly apiKeys: Set<string>;
	private readonly server: http.Server;
	private readonly acceptedAt: number[] = [];
	private seq = 0;
	private counter = 0;
	private url = '';

	constructor(private readonly options: EmulatorOptions = {}) {
		this.apiKeys = new Set(options.apiKeys ?? ['emulator-key']);
		this.latencyMs = options.latencyMs ?? 0;
		this.messagesPerSecond = options.messagesPerSecond ?? 0;
		this.rateLimitAnswer = options.rateLimitAnswer ?? '429';
		this.maxPageSize = options.maxPageSize ?? 1000;
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) this.send(res, 500, { error: `emulator: ${error.message}` });
			});
		});
		this.server.keepAliveTimeout = 5_000;
	}

	get baseUrl(): string {
		return this.url;
	}

	async start(): Promise<string> {
		await new Promise<void>((resolve) =>
			this.server.listen(this.options.port ?? 0, '127.0.0.1', resolve),
		);
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** Forgets requests, messages and faults; keeps keys and limits. */
	reset(): void {
		this.requests.length = 0;
		this.sent.length = 0;
		this.deliveries.length = 0;
		this.acceptedAt.length = 0;
		this.templates = [];
		this.profile = { ...DEFAULT_PROFILE };
		this.webhook = { url: null, headers: {} };
		this.multiWebhook = { enabled: false, destinations: [] };
		this.media.clear();
		this.uploads.clear();
		this.closedWindows.clear();
		this.usernameContacts.clear();
		this.staleUserIds.clear();
		this.faults = [];
		this.rateLimited = 0;
	}

	inject(...faults: Fault[]): void {
		this.faults.push(...faults.map((fault) => ({ times: 1, ...fault })));
	}

	requestsTo(method: string, pathPrefix: string): RecordedRequest[] {
		return this.requests.filter(
			(request) => request.method === method && request.path.startsWith(pathPrefix),
		);
	}

	seedTemplates(count: number, make?: (index: number) => Partial<Template>): void {
		for (let index = 0; index < count; index++) {
			this.templates.push({
				id: `tpl${String(index).padStart(6, '0')}`,
				name: `template_${index}`,
				language: 'en',
				category: 'UTILITY',
				status: 'approved',
				rejected_reason: 'NONE',
				components: [{ type: 'BODY', text: 'Hello {{1}}', example: { body_text: [['Ada']] } }],
				...make?.(index),
			});
		}
	}

	/** The demo set of templates (demo.ts): what Send Template and Sync can show. */
	seedDemoTemplates(): void {
		DEMO_TEMPLATES.forEach((template, index) =>
			this.seedTemplates(1, () => ({
				id: `demo${String(index + 1).padStart(4, '0')}`,
				...template,
			})),
		);
	}

	/** Posts a sample event of a kind (demo.ts) to the registered webhook. */
	async deliverSample(kind: string): Promise<number[]> {
		const sample = SAMPLE_EVENTS[kind];
		if (!sample)
			throw new Error(`No sample event "${kind}": one of ${Object.keys(SAMPLE_EVENTS).join(', ')}`);
		const built = sample.build(this.sent.at(-1)?.id, this.sent);
		const statuses: number[] = [];
		for (const body of Array.isArray(built) ? built : [built]) {
			const { statusOf } = body as { statusOf?: string };
			statuses.push(...(await this.deliver(statusOf ? this.statusDelivery(statusOf) : body)));
		}
		return statuses;
	}

	/**
	 * The status event WhatsApp sends for a message this emulator sent: its recipient as it was
	 * addressed, and its callback data (`biz_opaque_callback_data`) as Meta returns it in statuses.
	 */
	statusDelivery(messageId: string, status = 'sent'): Record<string, unknown> {
		const message = this.sent.find((entry) => entry.id === messageId);
		if (!message) throw new Error(`emulator: no sent message ${messageId}`);
		const { payload } = message;
		const recipient =
			typeof payload.recipient === 'string'
				? { recipient_user_id: payload.recipient }
				: { recipient_id: message.to };
		return {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: 'WABA-1',
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata: { display_phone_number: '4930123456', phone_number_id: '1234567890' },
								statuses: [
									{
										id: messageId,
										status,
										timestamp: String(Math.floor(Date.now() / 1000)),
										...recipient,
										...(typeof payload.biz_opaque_callback_data === 'string'
											? { biz_opaque_callback_data: payload.biz_opaque_callback_data }
											: {}),
									},
								],
							},
						},
					],
				},
			],
		};
	}

	/** Posts a delivery to the registered webhook (and the enabled extra destinations). */
	async deliver(
		body: unknown,
		override?: { url?: string; headers?: Record<string, string> },
	): Promise<number[]> {
		const targets: Array<{ url: string; headers: Record<string, string> }> = [];
		const mainUrl = override?.url ?? this.webhook.url;
		if (mainUrl) targets.push({ url: mainUrl, headers: override?.headers ?? this.webhook.headers });
		if (!override && this.multiWebhook.enabled) {
			for (const destination of this.multiWebhook.destinations)
				targets.push({ url: destination.url, headers: destination.headers ?? {} });
		}
		const statuses: number[] = [];
		for (const target of targets) {
			// A delivery is sent once, on a connection of its own; 360dialog's own retries are the tests' business.
			const response = await request(target.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...target.headers },
				body: typeof body === 'string' ? body : JSON.stringify(body),
				idempotent: false,
				timeoutMs: 10_000,
			}).catch(() => undefined);
			const status = response ? response.status : 'failed';
			this.deliveries.push({ url: target.url, status });
			statuses.push(typeof status === 'number' ? status : 0);
		}
		return statuses;
	}

	private nextId(prefix: string): string {
		this.counter += 1;
		return `${prefix}${this.counter.toString(36)}${randomBytes(6).toString('hex')}`;
	}

	private send(
		res: http.ServerResponse,
		status: number,
		body: unknown,
		headers: Record<string, string> = {},
	): void {
		if (res.headersSent || res.destroyed) return;
		if (Buffer.isBuffer(body)) {
			res.writeHead(status, { 'content-length': String(body.length), ...headers });
			res.end(body);
			return;
		}
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		res.writeHead(status, {
			'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
			...headers,
		});
		res.end(text);
	}

	private takeFault(method: string, path: string): Fault | undefined {
		const index = this.faults.findIndex((fault) => {
			if (fault.method && fault.method !== method) return false;
			if (fault.path instanceof RegExp) return fault.path.test(path);
			if (typeof fault.path === 'string') return path.startsWith(fault.path);
			return true;
		});
		if (index === -1) return undefined;
		const fault = this.faults[index];
		if (fault.skip) {
			fault.skip--;
			return undefined;
		}
		fault.times = (fault.times ?? 1) - 1;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname;

		if (path.startsWith('/__emulator/')) return this.handleControl(req, res, method, path);

		const fault = this.takeFault(method, path);
		if (fault?.drop === 'beforeRead') {
			this.requests.push({
				seq: ++this.seq,
				at: Date.now(),
				method,
				path,
				query: Object.fromEntries(url.searchParams),
				authorized: false,
				body: undefined,
				outcome: 'dropped',
			});
			req.socket.destroy();
			return;
		}

		const raw = await new Promise<Buffer>((resolve, reject) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => resolve(Buffer.concat(chunks)));
			req.on('error', reject);
		});
		const contentType = req.headers['content-type'] ?? '';
		let body: unknown = raw;
		if (contentType.includes('application/json')) {
			try {
				body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
			} catch {
				body = raw.toString('utf8');
			}
		} else if (contentType.includes('multipart/form-data')) {
			body = parseMultipart(raw, contentType);
		}

		const key = req.headers['d360-api-key'];
		const authorized = typeof key === 'string' && this.apiKeys.has(key);
		const record: RecordedRequest = {
			seq: ++this.seq,
			at: Date.now(),
			method,
			path,
			query: Object.fromEntries(url.searchParams),
			authorized,
			contentType: contentType || undefined,
			body: Buffer.isBuffer(body) ? { bytes: body.length } : body,
		};
		this.requests.push(record);

		if (this.latencyMs > 0) await sleep(this.latencyMs);
		if (this.answerDelay) await sleep(this.answerDelay.nextMs());
		if (fault?.delayMs) await sleep(fault.delayMs);

		if (!authorized) {
			record.outcome = 401;
			return this.send(res, 401, {
				meta: { success: false, http_code: 401, developer_message: 'Invalid api_key' },
			});
		}
		if (fault?.status !== undefined && fault.drop === undefined && !fault.afterProcessing) {
			record.outcome = fault.status;
			return this.send(
				res,
				fault.status,
				fault.body ?? { error: `emulated ${fault.status}` },
				fault.headers,
			);
		}

		const answer = this.route(method, path, url, body, contentType, record);
		if (fault?.afterProcessing && fault.status !== undefined) {
			record.outcome = fault.status;
			return this.send(
				res,
				fault.status,
				fault.body ?? { error: `emulated ${fault.status} after processing` },
				fault.headers,
			);
		}
		if (fault?.garbleAnswer) {
			record.outcome = answer.status;
			res.writeHead(answer.status, { 'content-type': 'application/json' });
			res.end('{"messaging_product": "whatsapp", "messages": [{"id": ');
			return;
		}
		if (fault?.drop === 'afterRead') {
			record.outcome = 'dropped';
			req.socket.destroy();
			return;
		}
		record.outcome = answer.status;
		this.send(res, answer.status, answer.body, answer.headers);
	}

	private userIdOfPhone(digits: string): string | undefined {
		for (const [userId, phone] of this.usernameContacts) if (phone === digits) return userId;
		return undefined;
	}

	private limitMessages():
		{ status: number; body: unknown; headers?: Record<string, string> } | undefined {
		if (!this.messagesPerSecond) return undefined;
		const now = Date.now();
		while (this.acceptedAt.length && now - this.acceptedAt[0] >= 1000) this.acceptedAt.shift();
		if (this.acceptedAt.length < this.messagesPerSecond) {
			this.acceptedAt.push(now);
			return undefined;
		}
		this.rateLimited += 1;
		if (this.rateLimitAnswer === '400') {
			return {
				status: 400,
				body: {
					meta: {
						success: false,
						http_code: 400,
						developer_message: 'You have exceeded the endpoint rate limit.',
					},
				},
			};
		}
		const retryAfter = Math.max(1, Math.ceil((1000 - (now - this.acceptedAt[0])) / 1000));
		return {
			status: 429,
			body: metaError(429, 130429, 'Rate limit hit').body,
			headers: { 'retry-after': String(retryAfter) },
		};
	}

	private route(
		method: string,
		path: string,
		url: URL,
		body: unknown,
		contentType: string,
		record: RecordedRequest,
	): { status: number; body: unknown; headers?: Record<string, string> } {
		const json = (body && typeof body === 'object' && !Buffer.isBuffer(body) ? body : {}) as Record<
			string,
			any
		>;

		if (method === 'GET' && path === '/health_status') {
			return {
				status: 200,
				body: {
					health_status: {
						can_send_message: 'AVAILABLE',
						entities: [
							{ entity_type: 'PHONE_NUMBER', id: '100000000000001', can_send_message: 'AVAILABLE' },
							{ entity_type: 'WABA', id: '200000000000002', can_send_message: 'AVAILABLE' },
						],
					},
					id: '100000000000001',
				},
			};
		}

		if (method === 'POST' && (path === '/messages' || path === '/v1/messages')) {
			if (json.status === 'read') {
				if (typeof json.message_id !== 'string' || !json.message_id)
					return metaError(400, 131009, 'Parameter value is not valid', 'message_id is required');
				return { status: 200, body: { success: true } };
			}
			if (json.messaging_product !== 'whatsapp')
				return metaError(400, 100, 'Invalid parameter', 'messaging_product must be "whatsapp"');
			// A phone number in `to`, or a business-scoped user ID in `recipient` (`to` wins when both are given).
			const byPhone = json.to !== undefined;
			const to = String(byPhone ? json.to : (json.recipient ?? ''));
			if (byPhone && !/^\+?\d{6,16}$/.test(to))
				return metaError(400, 131009, 'Parameter value is not valid', `invalid recipient "${to}"`);
			if (!byPhone && !/^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(to))
				return metaError(
					400,
					131009,
					'Parameter value is not valid',
					`invalid recipient user id "${to}"`,
				);
			if (!byPhone && this.staleUserIds.has(to))
				return metaError(
					400,
					131009,
					'Parameter value is not valid',
					`user id "${to}" is no longer valid`,
				);
			if (typeof json.type !== 'string')
				return metaError(400, 131008, 'Required parameter is missing', 'type is required');
			if (json.type === 'template') {
				const template = json.template ?? {};
				const known = this.templates.find(
					(candidate) =>
						candidate.name === template.name && candidate.language === template.language?.code,
				);
				if (!known || known.status.toLowerCase() !== 'approved') {
					return metaError(
						404,
						132001,
						'Template name does not exist in the translation',
						`template ${template.name} (${template.language?.code}) not found`,
					);
				}
				if (!byPhone && known.category.toUpperCase() === 'AUTHENTICATION')
					return metaError(
						400,
						131062,
						'Business-scoped user ID cannot receive authentication templates',
						`template ${known.name} is an authentication template`,
					);
			}
			if (json.type === 'interactive' && json.interactive?.type === 'request_contact_info') {
				const interactive = json.interactive as Record<string, any>;
				if (
					typeof interactive.body?.text !== 'string' ||
					interactive.body.text === '' ||
					interactive.action?.name !== 'request_contact_info' ||
					interactive.header ||
					interactive.footer
				)
					return metaError(
						400,
						100,
						'Invalid parameter',
						'request_contact_info takes a body text and action name request_contact_info only',
					);
			}
			// The contact behind the identifier: a username contact who hides their number has no wa_id.
			const userId = byPhone ? this.userIdOfPhone(to.replace(/^\+/, '')) : to;
			const hiddenPhone = !byPhone && this.usernameContacts.get(to) === null;
			const waId = byPhone ? to.replace(/^\+/, '') : (this.usernameContacts.get(to) ?? null);
			if (json.type !== 'template' && this.closedWindows.has(waId ?? to)) {
				return metaError(
					400,
					131047,
					'Re-engagement message',
					'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
				);
			}
			const limited = this.limitMessages();
			if (limited) return limited;
			const id = `wamid.${this.nextId('E')}`;
			this.sent.push({ id, to: waId ?? to, payload: json, at: Date.now() });
			return {
				status: 200,
				body: {
					messaging_product: 'whatsapp',
					contacts: [
						{
							input: to,
							...(waId && !hiddenPhone ? { wa_id: waId } : {}),
							...(userId ? { user_id: userId } : {}),
						},
					],
					messages: [{ id, ...(json.type === 'template' ? { message_status: 'accepted' } : {}) }],
				},
			};
		}

		if (path === '/v1/configs/templates') {
			if (method === 'GET') {
				const limit = Math.max(
					1,
					Math.min(Number(url.searchParams.get('limit') ?? 1000) || 1000, this.maxPageSize),
				);
				const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
				let list = this.templates;
				const filters = url.searchParams.get('filters');
				if (filters) {
					let parsed: Record<string, string> = {};
					try {
						parsed = JSON.parse(filters);
					} catch {
						return {
							status: 400,
							body: {
								meta: { success: false, http_code: 400, developer_message: 'filters must be JSON' },
							},
						};
					}
					list = list.filter((template) =>
						Object.entries(parsed).every(([field, value]) => {
							const key = field.replace(/^business_templates\./, '') as keyof Template;
							return String(template[key] ?? '').toLowerCase() === String(value).toLowerCase();
						}),
					);
				}
				const page = list.slice(offset, offset + limit);
				return {
					status: 200,
					body: {
						count: page.length,
						total: list.length,
						limit,
						offset,
						filters: filters ? JSON.parse(filters) : {},
						sort: ['business_templates.name'],
						waba_templates: page,
					},
				};
			}
			if (method === 'POST') {
				if (typeof json.name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(json.name))
					return metaError(
						400,
						100,
						'Invalid parameter',
						'name must be lowercase letters, digits and _',
					);
				if (!['MARKETING', 'UTILITY', 'AUTHENTICATION'].includes(json.category))
					return metaError(400, 100, 'Invalid parameter', 'category');
				if (
					this.templates.some(
						(template) => template.name === json.name && template.language === json.language,
					)
				) {
					return metaError(
						400,
						100,
						'Invalid parameter',
						'Content in this language already exists',
					);
				}
				const template: Template = {
					id: this.nextId('T'),
					name: json.name,
					language: json.language,
					category: json.category,
					status: 'submitted',
					rejected_reason: 'NONE',
					components: Array.isArray(json.components) ? json.components : [],
					parameter_format: json.parameter_format,
				};
				this.templates.push(template);
				return {
					status: 201,
					body: {
						id: template.id,
						name: template.name,
						language: template.language,
						category: template.category,
						status: template.status,
					},
				};
			}
		}
		const templateByName = /^\/v1\/configs\/templates\/([^/]+)$/.exec(path);
		if (templateByName && method === 'DELETE') {
			const name = decodeURIComponent(templateByName[1]);
			const before = this.templates.length;
			this.templates = this.templates.filter((template) => template.name !== name);
			if (before === this.templates.length)
				return metaError(404, 100, 'Invalid parameter', `template ${name} not found`);
			return { status: 200, body: { meta: { success: true } } };
		}

		if (path === '/whatsapp_business_profile') {
			if (method === 'GET') {
				const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean);
				const profile: Record<string, unknown> = { messaging_product: 'whatsapp' };
				for (const [field, value] of Object.entries(this.profile))
					if (!fields.length || fields.includes(field)) profile[field] = value;
				return { status: 200, body: { data: [profile] } };
			}
			if (method === 'POST') {
				if (json.messaging_product !== 'whatsapp')
					return metaError(400, 100, 'Invalid parameter', 'messaging_product must be "whatsapp"');
				const { profile_picture_handle: handle, ...fields } = json;
				delete fields.messaging_product;
				Object.assign(this.profile, fields);
				if (handle) {
					const known = [...this.uploads.values()].some((upload) => upload.handle === handle);
					if (!known)
						return metaError(400, 100, 'Invalid parameter', 'unknown profile_picture_handle');
					this.profile.profile_picture_url = `https://pps.whatsapp.net/${encodeURIComponent(String(handle))}.jpg`;
				}
				return { status: 200, body: { success: true } };
			}
		}

		if (method === 'POST' && path === '/media') {
			const parts = body as Record<
				string,
				{ filename?: string; contentType?: string; data: Buffer }
			>;
			const file = parts?.file;
			if (!contentType.includes('multipart/form-data') || !file)
				return metaError(400, 100, 'Invalid parameter', 'multipart field "file" is required');
			if (parts.messaging_product?.data.toString() !== 'whatsapp')
				return metaError(400, 100, 'Invalid parameter', 'messaging_product must be "whatsapp"');
			const id = String(Date.now()) + String(this.counter++).padStart(6, '0');
			this.media.set(id, {
				id,
				mimeType: parts.type?.data.toString() || file.contentType || 'application/octet-stream',
				data: file.data,
				filename: file.filename,
			});
			record.body = {
				file: { filename: file.filename, contentType: file.contentType, bytes: file.data.length },
				type: parts.type?.data.toString(),
			};
			return { status: 200, body: { id } };
		}

		if (method === 'GET' && path === '/whatsapp_business/attachments/') {
			const item = this.media.get(url.searchParams.get('mid') ?? '');
			if (!item) return { status: 404, body: { error: 'media not found' } };
			return { status: 200, body: item.data, headers: { 'content-type': item.mimeType } };
		}

		if (method === 'POST' && path === '/uploads') {
			const fileLength = Number(url.searchParams.get('file_length'));
			const fileType = url.searchParams.get('file_type') ?? '';
			if (!Number.isFinite(fileLength) || fileLength <= 0 || !fileType)
				return metaError(400, 100, 'Invalid parameter', 'file_length and file_type are required');
			const id = `upload:${this.nextId('U')}`;
			this.uploads.set(id, { fileLength, fileType, received: 0 });
			return { status: 200, body: { id } };
		}
		const upload = /^\/(upload:[^/]+)$/.exec(path);
		if (upload) {
			const session = this.uploads.get(decodeURIComponent(upload[1]));
			if (!session) return metaError(404, 100, 'Invalid parameter', 'unknown upload session');
			if (method === 'GET')
				return { status: 200, body: { id: upload[1], file_offset: session.received } };
			if (method === 'POST') {
				const bytes = Buffer.isBuffer(body) ? body.length : 0;
				session.received += bytes;
				if (session.received !== session.fileLength)
					return metaError(
						400,
						100,
						'Invalid parameter',
						`expected ${session.fileLength} bytes, got ${session.received}`,
					);
				session.handle = `4:${Buffer.from(upload[1]).toString('base64')}`;
				return { status: 200, body: { h: session.handle } };
			}
		}

		if (path === '/v1/configs/webhook') {
			if (method === 'GET') {
				if (!this.webhook.url)
					return {
						status: 404,
						body: {
							meta: { success: false, http_code: 404, developer_message: 'No webhook configured' },
						},
					};
				return { status: 200, body: { url: this.webhook.url, headers: this.webhook.headers } };
			}
			if (method === 'POST') {
				if (typeof json.url !== 'string')
					return {
						status: 400,
						body: {
							meta: { success: false, http_code: 400, developer_message: 'url is required' },
						},
					};
				// An empty URL removes the main webhook (the package's reading of the API; see environments.ts).
				this.webhook =
					json.url === ''
						? { url: null, headers: {} }
						: { url: json.url, headers: (json.headers as Record<string, string>) ?? {} };
				return { status: 200, body: { url: this.webhook.url } };
			}
		}

		if (path === '/multi_webhook') return this.multiWebhookRoute(method, json);

		const mediaItem = /^\/(\d+)$/.exec(path);
		if (mediaItem) {
			const item = this.media.get(mediaItem[1]);
			if (!item) return metaError(404, 100, 'Invalid parameter', `media ${mediaItem[1]} not found`);
			if (method === 'GET') {
				const ext = (item.mimeType.split('/')[1] ?? 'bin').split(';')[0];
				return {
					status: 200,
					body: {
						messaging_product: 'whatsapp',
						id: item.id,
						mime_type: item.mimeType,
						file_size: item.data.length,
						sha256: 'emulated',
						url: `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${item.id}&ext=${ext}&hash=emulated`,
					},
				};
			}
			if (method === 'DELETE') {
				this.media.delete(item.id);
				return { status: 200, body: { success: true } };
			}
		}

		return { status: 404, body: { error: `emulator: no route for ${method} ${path}` } };
	}

	/**
	 * /multi_webhook as 360dialog's Messaging API reference describes it: POST enables or disables
	 * (with initial destinations only while disabled), PUT appends, PATCH updates one destination by
	 * name, DELETE removes one by name. Names are unique; at most 3 destinations.
	 */
	private multiWebhookRoute(
		method: string,
		json: Record<string, any>,
	): { status: number; body: unknown } {
		const current = this.multiWebhook;
		type Destination = { name: string; url: string; headers?: Record<string, string> };
		const incoming: Destination[] = Array.isArray(json.destinations) ? json.destinations : [];
		const conflict = (list: Destination[]) =>
			new Set(list.map((destination) => destination.name)).size !== list.length;
		switch (method) {
			case 'GET':
				return { status: 200, body: current };
			case 'POST': {
				if (typeof json.enabled !== 'boolean')
					return { status: 400, body: { error: 'enabled is required' } };
				if (json.enabled && current.enabled && incoming.length)
					return {
						status: 409,
						body: { error: 'Multi-webhook is already enabled; use PUT to add destinations' },
					};
				const destinations = [...current.destinations, ...incoming];
				if (destinations.length > 3)
					return { status: 400, body: { error: 'At most 3 destinations per number' } };
				if (conflict(destinations))
					return { status: 409, body: { error: 'Destination names must be unique' } };
				this.multiWebhook = { enabled: json.enabled, destinations };
				return { status: 200, body: { message: json.enabled ? 'enabled' : 'disabled' } };
			}
			case 'PUT': {
				if (!current.enabled)
					return {
						status: 400,
						body: { error: 'Multi-webhook is not enabled; enable it with POST first' },
					};
				const destinations = [...current.destinations, ...incoming];
				if (conflict(destinations))
					return { status: 409, body: { error: 'Destination names must be unique' } };
				if (destinations.length > 3)
					return { status: 400, body: { error: 'At most 3 destinations per number' } };
				this.multiWebhook = { ...current, destinations };
				return { status: 200, body: { message: 'added' } };
			}
			case 'PATCH': {
				const index = current.destinations.findIndex(
					(destination) => destination.name === json.name,
				);
				if (index === -1)
					return { status: 404, body: { error: `No destination named ${String(json.name)}` } };
				const destinations = [...current.destinations];
				destinations[index] = {
					name: json.name,
					url: json.url ?? destinations[index].url,
					headers: json.headers ?? destinations[index].headers,
				};
				this.multiWebhook = { ...current, destinations };
				return { status: 200, body: { message: 'updated' } };
			}
			case 'DELETE': {
				const destinations = current.destinations.filter(
					(destination) => destination.name !== json.name,
				);
				if (destinations.length === current.destinations.length)
					return { status: 404, body: { error: `No destination named ${String(json.name)}` } };
				this.multiWebhook = { ...current, destinations };
				return { status: 200, body: { message: 'deleted' } };
			}
			default:
				return { status: 405, body: { error: `${method} is not allowed` } };
		}
	}

	private async handleControl(
		req: http.IncomingMessage,
		res: http.ServerResponse,
		method: string,
		path: string,
	): Promise<void> {
		const raw = await new Promise<string>((resolve) => {
			let data = '';
			req.on('data', (chunk) => (data += chunk));
			req.on('end', () => resolve(data));
		});
		const body = raw ? JSON.parse(raw) : {};
		const action = path.slice('/__emulator/'.length);
		switch (`${method} ${action}`) {
			case 'GET requests':
				return this.send(res, 200, this.requests);
			case 'GET state':
				return this.send(res, 200, {
					sent: this.sent,
					templates: this.templates,
					profile: this.profile,
					webhook: this.webhook,
					multiWebhook: this.multiWebhook,
					deliveries: this.deliveries,
					rateLimited: this.rateLimited,
				});
			case 'POST reset':
				this.reset();
				return this.send(res, 200, { ok: true });
			case 'POST faults':
				this.inject(...(Array.isArray(body) ? body : [body]));
				return this.send(res, 200, { faults: this.faults.length });
			case 'POST limits':
				if (body.latencyMs !== undefined) this.latencyMs = Number(body.latencyMs);
				if (body.messagesPerSecond !== undefined)
					this.messagesPerSecond = Number(body.messagesPerSecond);
				if (body.rateLimitAnswer) this.rateLimitAnswer = body.rateLimitAnswer;
				return this.send(res, 200, {
					latencyMs: this.latencyMs,
					messagesPerSecond: this.messagesPerSecond,
				});
			case 'POST templates':
				this.templates.push(...(Array.isArray(body) ? body : [body]));
				return this.send(res, 200, { templates: this.templates.length });
			case 'POST deliver':
				return this.send(res, 200, { statuses: await this.deliver(body) });
			case 'GET samples':
				return this.send(
					res,
					200,
					Object.fromEntries(
						Object.entries(SAMPLE_EVENTS).map(([kind, sample]) => [kind, sample.description]),
					),
				);
			case 'POST deliver-sample': {
				const kind = String(body.kind ?? '');
				if (!SAMPLE_EVENTS[kind])
					return this.send(res, 404, {
						error: `no sample event "${kind}"`,
						kinds: Object.keys(SAMPLE_EVENTS),
					});
				if (!this.webhook.url && !this.multiWebhook.enabled)
					return this.send(res, 409, {
						error:
							'No webhook is registered: activate a workflow with the 360dialog WhatsApp Trigger, or click "Test this trigger", first',
					});
				return this.send(res, 200, { statuses: await this.deliverSample(kind) });
			}
			default:
				return this.send(res, 404, { error: `no control ${method} ${action}` });
		}
	}
}
