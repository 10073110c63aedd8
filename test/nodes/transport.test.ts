import { useEmulator } from '../support/emulatorFixture';
import {
	emulatorCredentials,
	runActionNode,
	type RunNodeOptions,
	errorOf,
	TestCredentialsHelper,
} from '../support/n8nCore';
import { paceOnOneClock } from '../support/clock';
import { pollOrThrow } from '../support/poll';
import { SENTINEL_API_KEY } from '../support/sentinel';

describe('transport through n8n-core against the emulator', () => {
	const fixture = useEmulator({ apiKeys: [SENTINEL_API_KEY] });
	const { emulator } = fixture;

	const send = (
		overrides: Partial<RunNodeOptions> & { parameters?: Record<string, unknown> } = {},
	) =>
		runActionNode({
			nodeType: 'test.transportProbe',
			credentials: emulatorCredentials(fixture.baseUrl, SENTINEL_API_KEY),
			items: [{}],
			...overrides,
			parameters: {
				method: 'POST',
				endpoint: 'messages',
				idempotent: false,
				body: {
					messaging_product: 'whatsapp',
					to: '447700900123',
					type: 'text',
					text: { body: 'hi' },
				},
				...(overrides.parameters ?? {}),
			},
		});

	const expectNoKey = (value: unknown) =>
		expect(JSON.stringify(value)).not.toContain(SENTINEL_API_KEY);

	it('sends the key in the D360-API-KEY header', async () => {
		const { items, error } = await send();
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ messages: [{ id: expect.stringMatching(/^wamid\./) }] });
		expect(emulator.requests[0].authorized).toBe(true);
		expectNoKey(items);
	});

	it('reads the credential once per run, not once per request', async () => {
		// n8n reads a credential from its database and decrypts it on every getCredentials call.
		TestCredentialsHelper.reads = 0;
		const { items, error } = await send({ items: [{}, {}, {}, {}, {}] });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(emulator.requests.filter((request) => request.authorized)).toHaveLength(5);
		expect(TestCredentialsHelper.reads).toBe(1);
	});

	it.each([
		[
			'429 with Retry-After',
			{
				status: 429,
				headers: { 'retry-after': '0' },
				body: { error: { message: 'Rate limit hit', code: 130429 } },
			},
		],
		[
			"360dialog's 400 rate-limit answer",
			{
				status: 400,
				body: {
					meta: { success: false, developer_message: 'You have exceeded the endpoint rate limit.' },
				},
			},
		],
		['503', { status: 503 }],
		[
			"503 with Meta's 131016",
			{ status: 503, body: { error: { message: '(#131016) Service unavailable', code: 131016 } } },
		],
	])('retries a send after %s (not processed) and sends it once', async (_name, fault) => {
		emulator.inject({ path: '/messages', ...fault, times: 2 });
		const { items, error } = await send();
		expect(error).toBeUndefined();
		expect(items[0].json.messages).toBeDefined();
		expect(emulator.requestsTo('POST', '/messages')).toHaveLength(3);
		expect(emulator.sent).toHaveLength(1);
	});

	it.each([500, 502, 504])('retries a read after HTTP %i', async (status) => {
		emulator.inject({ path: '/whatsapp_business_profile', status, times: 2 });
		const { items, error } = await send({
			parameters: { method: 'GET', endpoint: 'profile', idempotent: true, body: undefined },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.data).toBeDefined();
		expect(emulator.requestsTo('GET', '/whatsapp_business_profile')).toHaveLength(3);
	});

	it.each([500, 502, 504])(
		'does not repeat a send after HTTP %i that came after the message was processed: one message per item, reported in doubt',
		async (status) => {
			emulator.inject({
				path: '/messages',
				status,
				afterProcessing: true,
				times: 3,
				body: { error: { message: '(#131000) Something went wrong', code: 131000 } },
			});
			const { items, error } = await send({
				continueOnFail: true,
				items: [{}, {}, {}, {}],
				parameters: { maxConcurrent: 2 },
			});
			expect(error).toBeUndefined();
			expect(emulator.requestsTo('POST', '/messages')).toHaveLength(4);
			expect(emulator.sent).toHaveLength(4);
			const inDoubt = items.filter((item) => item.json.error);
			expect(inDoubt).toHaveLength(3);
			for (const item of inDoubt) {
				expect(errorOf(item)).toMatchObject({
					ambiguous: true,
					httpCode: String(status),
					message: expect.stringContaining('may or may not have been processed'),
				});
				expect(errorOf(item).description).toContain('It was not repeated');
			}
		},
	);

	it('repeats a send after HTTP 502 only when the user accepted that it may be sent twice', async () => {
		emulator.inject({ path: '/messages', status: 502, afterProcessing: true });
		const { items, error } = await send({ parameters: { retryServerErrors: true } });
		expect(error).toBeUndefined();
		expect(items[0].json.messages).toBeDefined();
		expect(emulator.sent).toHaveLength(2); // the duplicate the option warns about
	});

	it('fails fast when media lookups are blocked for the hour (429 with code 4), without retrying', async () => {
		emulator.inject({
			path: '/123',
			status: 429,
			times: Infinity,
			body: { error: { message: '(#4) Application request limit reached', code: 4 } },
		});
		const { error } = await send({
			parameters: {
				method: 'GET',
				endpoint: 'mediaItem',
				idempotent: true,
				body: undefined,
				mediaId: '123',
			},
		});
		expect(error?.message).toContain('Application request limit reached');
		expect(error?.description).toMatch(
			/blocks media lookups of a number for 60 minutes after more than 5 failed lookups.*It lifts by \d\d:\d\d UTC at the latest/s,
		);
		expect(emulator.requestsTo('GET', '/123')).toHaveLength(1);
	});

	it('never retries a validation error and explains the WhatsApp code', async () => {
		emulator.inject({
			path: '/messages',
			status: 400,
			body: {
				error: {
					message: '(#131047) Re-engagement message',
					code: 131047,
					error_data: { details: 'More than 24 hours have passed' },
				},
			},
		});
		const { error } = await send();
		expect(error?.message).toBe('360dialog: (#131047) Re-engagement message');
		expect(error?.description).toContain('More than 24 hours have passed');
		expect(error?.description).toContain('Use Message › Send Template to reach this contact');
		expect(error?.httpCode).toBe('400');
		expect(emulator.requestsTo('POST', '/messages')).toHaveLength(1);
	});

	it('does not repeat a send after the connection dropped once the request was read, and says so on the item', async () => {
		emulator.inject({ path: '/messages', drop: 'afterRead' });
		const { items, error } = await send({ continueOnFail: true, items: [{}, {}] });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(errorOf(items[0])).toMatchObject({
			ambiguous: true,
			message: expect.stringContaining('may or may not have been processed'),
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.messages).toBeDefined();
		expect(emulator.requestsTo('POST', '/messages')).toHaveLength(2);
		expect(emulator.sent).toHaveLength(2); // the dropped one was processed: repeating it would have sent it twice
		expectNoKey(items);
	});

	it('repeats an idempotent read after a dropped connection', async () => {
		emulator.inject({ path: '/whatsapp_business_profile', drop: 'beforeRead' });
		const { items, error } = await send({
			parameters: { method: 'GET', endpoint: 'profile', idempotent: true, body: undefined },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.data).toBeDefined();
		expect(emulator.requestsTo('GET', '/whatsapp_business_profile')).toHaveLength(2);
	});

	it('reports a timeout on a send without repeating it', async () => {
		emulator.inject({ path: '/messages', delayMs: 1_500 });
		const { error } = await send({ parameters: { timeoutMs: 300 } });
		expect(error?.message).toContain('may or may not have been processed');
		expect(emulator.requestsTo('POST', '/messages')).toHaveLength(1);
		// The emulator still answers the request 1.5 s later and records the message then: wait for it
		// here, so that it is counted once in this test and not in the next one (seen under load).
		await pollOrThrow(() => (emulator.sent.length === 1 ? true : undefined), {
			timeoutMs: 30_000,
			intervalMs: 50,
			failure: () => `the delayed send was recorded ${emulator.sent.length} times, not once`,
		});
	});

	it('retries a refused connection and then gives up with a clear message', async () => {
		const { error } = await runActionNode({
			nodeType: 'test.transportProbe',
			credentials: emulatorCredentials('http://127.0.0.1:9', SENTINEL_API_KEY),
			parameters: { method: 'POST', endpoint: 'messages', idempotent: false, body: { a: 1 } },
		});
		expect(error?.message).toBe('360dialog could not be reached');
		expect(error?.description).toContain('Connection error: ECONNREFUSED.');
		expect(error?.description).toContain('Gave up after 4 attempts');
		expectNoKey(error);
	});

	it('gives up after the attempt limit on a lasting 503', async () => {
		emulator.inject({ path: '/messages', status: 503, times: Infinity });
		const { error } = await send();
		expect(error?.httpCode).toBe('503');
		expect(error?.description).toContain('Gave up after 4 attempts');
		expect(emulator.requestsTo('POST', '/messages')).toHaveLength(4);
	});

	it('explains a wrong key without showing it', async () => {
		const { error } = await runActionNode({
			nodeType: 'test.transportProbe',
			credentials: emulatorCredentials(fixture.baseUrl, 'wrong-key-0000'),
			parameters: { method: 'GET', endpoint: 'profile', idempotent: true },
		});
		expect(error?.message).toBe('360dialog: Invalid api_key');
		expect(error?.description).toContain('API key was refused');
		expect(JSON.stringify(error)).not.toContain('wrong-key-0000');
	});

	it('redacts the key if a server echoes it', async () => {
		emulator.inject({
			path: '/messages',
			status: 400,
			body: { error: { message: `bad header ${SENTINEL_API_KEY}`, code: 100 } },
		});
		const { error } = await send();
		expect(error?.message).toContain('[redacted]');
		expectNoKey(error);
		expectNoKey(error?.description ?? '');
	});

	it('keeps order and pairing with concurrency, and continues past a failing item', async () => {
		emulator.inject({
			path: '/messages',
			status: 400,
			body: { error: { message: 'Invalid parameter', code: 100 } },
		});
		const items = Array.from({ length: 12 }, (_, index) => ({ index }));
		const run = await send({ continueOnFail: true, items, parameters: { maxConcurrent: 4 } });
		expect(run.items).toHaveLength(12);
		expect(run.items.map((item) => item.pairedItem)).toEqual(
			items.map((_, index) => ({ item: index })),
		);
		const failed = run.items.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(errorOf(failed[0]).message).toContain('Invalid parameter');
		expect(emulator.sent).toHaveLength(11);
	});

	it('stops at the first failure without Continue On Fail and names the item', async () => {
		emulator.inject({
			path: '/messages',
			status: 400,
			body: { error: { message: 'Invalid parameter', code: 100 } },
		});
		const { error } = await send({ items: [{}, {}, {}] });
		expect(error?.message).toContain('Invalid parameter');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('never starts more items in a second than the messages-per-second cap', async () => {
		// Arrivals are read on the one clock of the pacer and the emulator (test/support/clock.ts), so
		// a loaded machine cannot bunch them up.
		paceOnOneClock(emulator);
		try {
			const items = Array.from({ length: 30 }, () => ({}));
			const run = await send({ items, parameters: { maxConcurrent: 8, perSecond: 20 } });
			expect(run.items).toHaveLength(30);
			const arrivals = emulator.requestsTo('POST', '/messages').map((request) => request.at);
			const busiestSecond = Math.max(
				...arrivals.map(
					(start) => arrivals.filter((at) => at >= start && at < start + 1000).length,
				),
			);
			expect(busiestSecond).toBeLessThanOrEqual(20);
			// Unpaced, 8 workers would send all 30 at once; paced, they span about 1.45 s.
			expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThanOrEqual(1300);
		} finally {
			jest.restoreAllMocks();
		}
	});
});
