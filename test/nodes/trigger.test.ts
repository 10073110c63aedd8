import { DELIVERY_HEADER } from '../../nodes/Dialog360/trigger/registration';
import { CONTACT, cloudDelivery, MESSAGE_FIXTURES } from '../fixtures/webhooks';
import { useTriggers } from '../support/triggers';

const { fixture, trigger } = useTriggers();
const CRM_URL = 'https://crm.example.com/whatsapp';

describe('Trigger lifecycle against the emulator', () => {
	it('registers its URL with a secret header and puts the previous URL back on deactivation', async () => {
		fixture.emulator.webhook = { url: CRM_URL, headers: { authorization: 'Basic crm' } };
		const harness = await trigger();
		await harness.activate();
		expect(fixture.emulator.webhook.url).toBe(harness.webhookUrl);
		const secret = fixture.emulator.webhook.headers[DELIVERY_HEADER];
		expect(secret).toMatch(/^[0-9a-f]{48}$/);
		expect(await harness.checkExists()).toBe(true);

		// checkExists reads what is configured, not what the node remembers.
		fixture.emulator.webhook = { url: 'https://someone-else.example.com/hook', headers: {} };
		expect(await harness.checkExists()).toBe(false);
		await harness.activate();
		// The secret is derived from the trigger's identity and the API key: taking the URL back
		// registers the same one.
		expect(fixture.emulator.webhook.headers[DELIVERY_HEADER]).toBe(secret);

		await harness.deactivate();
		expect(fixture.emulator.webhook).toEqual({
			url: 'https://someone-else.example.com/hook',
			headers: {},
		});
	});

	it('restores the original URL after a plain activate and deactivate', async () => {
		fixture.emulator.webhook = { url: CRM_URL, headers: { authorization: 'Basic crm' } };
		const harness = await trigger();
		await harness.activate();
		await harness.deactivate();
		expect(fixture.emulator.webhook).toEqual({
			url: CRM_URL,
			headers: { authorization: 'Basic crm' },
		});
	});

	it('joins /multi_webhook as an extra destination, keeping the main URL, and leaves it on deactivation', async () => {
		fixture.emulator.webhook = { url: CRM_URL, headers: {} };
		fixture.emulator.multiWebhook = {
			enabled: true,
			destinations: [{ name: 'analytics', url: 'https://analytics.example.com/in' }],
		};
		const harness = await trigger({ registerAs: 'extra' });
		await harness.activate();
		expect(fixture.emulator.webhook.url).toBe(CRM_URL);
		const destinations = fixture.emulator.multiWebhook.destinations;
		expect(destinations.map((destination) => destination.url)).toEqual([
			'https://analytics.example.com/in',
			harness.webhookUrl,
		]);
		expect(destinations[1].headers?.[DELIVERY_HEADER]).toMatch(/^[0-9a-f]{48}$/);
		expect(await harness.checkExists()).toBe(true);

		const delivered = await fixture.emulator.deliver(
			cloudDelivery({ contacts: [CONTACT], messages: [MESSAGE_FIXTURES.text] }),
		);
		expect(delivered[delivered.length - 1]).toBe(200); // the CRM and analytics URLs are not reachable here; n8n's copy is
		expect(harness.executions).toHaveLength(1);

		await harness.deactivate();
		expect(
			fixture.emulator.multiWebhook.destinations.map((destination) => destination.name),
		).toEqual(['analytics']);
		expect(fixture.emulator.webhook.url).toBe(CRM_URL);
	});

	it('refuses to join when the number already has 3 extra destinations, naming them', async () => {
		fixture.emulator.multiWebhook = {
			enabled: true,
			destinations: ['a', 'b', 'c'].map((name) => ({ name, url: `https://${name}.example.com` })),
		};
		const harness = await trigger({ registerAs: 'extra' });
		await expect(harness.activate()).rejects.toThrow(
			'360dialog allows at most 3 extra webhook destinations per number, and this number has 3 (a, b, c)',
		);
	});

	it('gives back "no URL" when the number had none before activation', async () => {
		const harness = await trigger();
		await harness.activate();
		expect(fixture.emulator.webhook.url).toBe(harness.webhookUrl);
		await harness.deactivate();
		expect(fixture.emulator.webhook).toEqual({ url: null, headers: {} });
	});

	it('"Test this trigger" joins as an extra destination next to a main URL in use, receives, and leaves everything as it was', async () => {
		const crm = { url: CRM_URL, headers: { authorization: 'Basic crm' } };
		fixture.emulator.webhook = { ...crm };
		const harness = await trigger();
		await harness.startTest();
		expect(fixture.emulator.webhook).toEqual(crm);
		expect(fixture.emulator.multiWebhook).toEqual({
			enabled: true,
			destinations: [
				expect.objectContaining({
					name: expect.stringMatching(/^n8n-test-[0-9a-f]{12}$/),
					url: harness.testWebhookUrl,
				}),
			],
		});

		const delivered = await fixture.emulator.deliver(
			cloudDelivery({
				contacts: [CONTACT],
				messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.test1' }],
			}),
		);
		expect(delivered[delivered.length - 1]).toBe(200);
		expect(harness.testExecutions).toHaveLength(1);
		expect(harness.executions).toHaveLength(0);

		await harness.endTest();
		expect(fixture.emulator.webhook).toEqual(crm);
		expect(fixture.emulator.multiWebhook).toEqual({ enabled: false, destinations: [] });
	});

	it('"Test this trigger" borrows the main URL only while the number has none, and gives back "no URL"', async () => {
		const harness = await trigger();
		await harness.startTest();
		expect(fixture.emulator.webhook.url).toBe(harness.testWebhookUrl);
		await fixture.emulator.deliver(
			cloudDelivery({
				contacts: [CONTACT],
				messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.test2' }],
			}),
		);
		expect(harness.testExecutions).toHaveLength(1);
		await harness.endTest();
		expect(fixture.emulator.webhook).toEqual({ url: null, headers: {} });
		expect(fixture.emulator.multiWebhook).toEqual({ enabled: false, destinations: [] });
	});

	it('"Test this trigger" on an active workflow keeps its production URL as the main one', async () => {
		const harness = await trigger();
		await harness.activate();
		const production = { ...fixture.emulator.webhook };
		await harness.startTest();
		expect(fixture.emulator.webhook).toEqual(production);
		expect(
			fixture.emulator.multiWebhook.destinations.map((destination) => destination.url),
		).toEqual([harness.testWebhookUrl]);
		await harness.endTest();
		expect(fixture.emulator.webhook).toEqual(production);
		expect(fixture.emulator.multiWebhook.destinations).toEqual([]);
		await harness.deactivate();
		expect(fixture.emulator.webhook).toEqual({ url: null, headers: {} });
	});

	it('a test that ends without its static data (timed out elsewhere) still removes its destination', async () => {
		fixture.emulator.webhook = { url: CRM_URL, headers: {} };
		fixture.emulator.multiWebhook = {
			enabled: true,
			destinations: [{ name: 'analytics', url: 'https://analytics.example.com/in' }],
		};
		const harness = await trigger();
		await harness.startTest();
		(harness as unknown as { test: { staticData: Record<string, unknown> } }).test.staticData = {};
		await harness.endTest();
		expect(fixture.emulator.multiWebhook).toEqual({
			enabled: true,
			destinations: [{ name: 'analytics', url: 'https://analytics.example.com/in' }],
		});
		expect(fixture.emulator.webhook.url).toBe(CRM_URL);
	});

	it.each([
		['A, B, then A, B', ['a', 'b'], ['a', 'b']],
		['A, B, then B, A', ['a', 'b'], ['b', 'a']],
	])(
		'two workflows on one number, each an extra destination: activated %s leave nothing behind',
		async (_order, activation, deactivation) => {
			fixture.emulator.webhook = { url: CRM_URL, headers: {} };
			const harnesses = {
				a: await trigger({ registerAs: 'extra' }),
				b: await trigger({ registerAs: 'extra' }),
			};
			for (const name of activation as Array<'a' | 'b'>) await harnesses[name].activate();
			expect(
				fixture.emulator.multiWebhook.destinations.map((destination) => destination.url).sort(),
			).toEqual([harnesses.a.webhookUrl, harnesses.b.webhookUrl].sort());
			expect(
				new Set(fixture.emulator.multiWebhook.destinations.map((destination) => destination.name))
					.size,
			).toBe(2);
			for (const name of deactivation as Array<'a' | 'b'>) await harnesses[name].deactivate();
			expect(fixture.emulator.multiWebhook).toEqual({ enabled: false, destinations: [] });
			expect(fixture.emulator.webhook).toEqual({ url: CRM_URL, headers: {} });
			// The calls documented per destination, never a replacement of the whole list.
			const calls = fixture.emulator.requests
				.filter((request) => request.path === '/multi_webhook' && request.method !== 'GET')
				.map((request) => request.method);
			expect(calls).toEqual(['POST', 'PUT', 'DELETE', 'DELETE', 'POST']);
		},
	);

	it('updates its destination in place when its secret changed, without adding a second one', async () => {
		fixture.emulator.webhook = { url: CRM_URL, headers: {} };
		const harness = await trigger({ registerAs: 'extra' });
		await harness.activate();
		fixture.emulator.multiWebhook.destinations[0].headers = { [DELIVERY_HEADER]: 'stale' };
		expect(await harness.checkExists()).toBe(false);
		await harness.activate();
		expect(fixture.emulator.multiWebhook.destinations).toHaveLength(1);
		expect(fixture.emulator.multiWebhook.destinations[0].headers?.[DELIVERY_HEADER]).toMatch(
			/^[0-9a-f]{48}$/,
		);
		expect(fixture.emulator.requestsTo('PATCH', '/multi_webhook')).toHaveLength(1);
	});

	it('shows registration errors instead of swallowing them', async () => {
		fixture.emulator.inject({
			method: 'POST',
			path: '/v1/configs/webhook',
			status: 403,
			body: {
				meta: { success: false, http_code: 403, developer_message: 'Webhook URL not allowed' },
			},
		});
		const harness = await trigger();
		await expect(harness.activate()).rejects.toThrow('Webhook URL not allowed');
	});

	it('checks the URL against 360dialog rules for its hosts before any request', async () => {
		const harness = await trigger({}, { apiKey: 'k', environment: 'production' });
		// The harness URL is http://127.0.0.1:<port>/…: three rules broken at once.
		const create = harness['methods'].create;
		const refused = await create.call(harness['hook']()).then(
			() => undefined,
			(error: Error & { description?: string }) => error,
		);
		expect(refused?.message).toBe("n8n's webhook URL breaks 3 rules");
		expect(refused?.description).toMatch(
			/^• 360dialog only calls https URLs, and n8n's webhook URL is http \(.*\)\n• 360dialog refuses a URL with an explicit port \(:\d+\)\n• 360dialog cannot reach 127\.0\.0\.1\nExpose n8n on a public https address/,
		);
	});
});
