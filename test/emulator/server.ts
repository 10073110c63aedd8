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
import {
	DEFAULT_PROFILE,
	parseMultipart,
	sleep,
	type EmulatorOptions,
	type Fault,
	type MediaItem,
	type RecordedRequest,
	type Route,
	type SentMessage,
	type Template,
} from './core';
import type { AnswerDelay } from './answerDelay';
import { DEMO_TEMPLATES, flowAnswerTo, SAMPLE_EVENTS } from './demo';
import { pricingFor } from './pricing';
import { contactsRoute } from './routes/contacts';
import { defaultFlows, flowsRoute, type EmulatorFlow } from './routes/flows';
import { healthRoute, HEALTHY, setHealth } from './routes/health';
import { marketingMessagesRoute, type MarketingOnboarding } from './routes/marketingMessages';
import { mediaRoute } from './routes/media';
import { messagesRoute } from './routes/messages';
import { profileRoute } from './routes/profile';
import { templateLibraryRoute } from './routes/templateLibrary';
import { templatesRoute } from './routes/templates';
import { webhookConfigRoute } from './routes/webhooks';

export type { EmulatorOptions, Fault, RecordedRequest, SentMessage, Template } from './core';

/** The API's routes by resource, asked in this order (the first answer wins; none: 404). */
const ROUTES: Route[] = [
	healthRoute,
	contactsRoute,
	messagesRoute,
	marketingMessagesRoute,
	templateLibraryRoute,
	templatesRoute,
	profileRoute,
	mediaRoute,
	webhookConfigRoute,
	flowsRoute,
];

const REAL_TIME = { now: () => Date.now() };

export class Emulator {
	readonly requests: RecordedRequest[] = [];
	readonly sent: SentMessage[] = [];
	readonly deliveries: Array<{ url: string; status: number | 'failed' }> = [];
	templates: Template[] = [];
	/** The account's WhatsApp Flows (routes/flows.ts): a published and a draft one to begin with. */
	flows: EmulatorFlow[] = defaultFlows();
	/** Contacts whose 24-hour window is closed: only templates reach them (131047 otherwise). */
	readonly closedWindows = new Set<string>();
	/**
	 * Contacts known by their business-scoped user ID: the user ID and their phone digits, or null for
	 * a contact who uses a username and hides their number.
	 */
	readonly usernameContacts = new Map<string, string | null>();
	/** User IDs that are no longer current (the contact changed their number): sends answer 131009. */
	readonly staleUserIds = new Set<string>();
	/** The number's Marketing Messages Lite onboarding (routes/marketingMessages.ts). */
	marketingOnboarding: MarketingOnboarding = 'onboarded';
	/** Contacts the number blocked (routes/contacts.ts): sends to them answer 130403. */
	readonly blocked = new Set<string>();
	/** What /health_status answers (routes/health.ts: setHealth). */
	health: typeof HEALTHY = structuredClone(HEALTHY);
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
	/** When the messages of the last second were accepted (the rate limit; routes/messages.ts). */
	readonly acceptedAt: number[] = [];
	/** The time the rate limit counts in: real time, or the clock a test moves (test/support/clock.ts). */
	rateClock: { now(): number } = REAL_TIME;
	private seq = 0;
	/** For the IDs the routes give out (nextId, media IDs). */
	counter = 0;
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
		this.rateClock = REAL_TIME;
		this.templates = [];
		this.flows = defaultFlows();
		this.profile = { ...DEFAULT_PROFILE };
		this.webhook = { url: null, headers: {} };
		this.multiWebhook = { enabled: false, destinations: [] };
		this.media.clear();
		this.uploads.clear();
		this.closedWindows.clear();
		this.usernameContacts.clear();
		this.staleUserIds.clear();
		this.marketingOnboarding = 'onboarded';
		this.blocked.clear();
		this.health = structuredClone(HEALTHY);
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
	 * A submission of the flow message `messageId` this emulator sent, by its recipient or `from`, as
	 * WhatsApp delivers it (an nfm_reply with the message's flow token and these fields).
	 */
	flowAnswerDelivery(
		messageId: string,
		fields?: Record<string, unknown>,
		from?: { waId?: string; userId?: string },
	): Record<string, unknown> {
		const message = this.sent.find((entry) => entry.id === messageId);
		if (!message) throw new Error(`emulator: no sent message ${messageId}`);
		return flowAnswerTo(message, fields, from);
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
										// sent, delivered and read carry what the message costs; a failure does not.
										...(status === 'failed' ? {} : { pricing: pricingFor(this, message) }),
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

	/** A new ID with this prefix (messages, templates, upload sessions). */
	nextId(prefix: string): string {
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
				at: this.rateClock.now(),
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
			at: this.rateClock.now(),
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
		for (const route of ROUTES) {
			const answer = route(this, { method, path, url, body, json, contentType, record });
			if (answer) return answer;
		}
		return { status: 404, body: { error: `emulator: no route for ${method} ${path}` } };
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
					flows: this.flows,
					profile: this.profile,
					webhook: this.webhook,
					multiWebhook: this.multiWebhook,
					blocked: [...this.blocked],
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
				if (body.marketingOnboarding) this.marketingOnboarding = body.marketingOnboarding;
				return this.send(res, 200, {
					latencyMs: this.latencyMs,
					messagesPerSecond: this.messagesPerSecond,
				});
			case 'POST health': // a problem as setHealth takes it; an empty body makes the number healthy
				setHealth(this, Object.keys(body).length ? body : undefined);
				return this.send(res, 200, this.health);
			case 'POST templates':
				this.templates.push(...(Array.isArray(body) ? body : [body]));
				return this.send(res, 200, { templates: this.templates.length });
			case 'POST flows':
				this.flows.push(...(Array.isArray(body) ? body : [body]));
				return this.send(res, 200, { flows: this.flows.length });
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
