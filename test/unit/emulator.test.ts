import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { useEmulator } from '../support/emulatorFixture';

const fixture = useEmulator({ apiKeys: ['k'] });
const { emulator } = fixture;

const api = (method: string, path: string, body?: unknown, key = 'k') =>
	fetch(`${fixture.baseUrl}${path}`, {
		method,
		headers: { 'D360-API-KEY': key, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});

describe('the emulator', () => {
	it('refuses a wrong key and records requests without the key', async () => {
		expect((await api('GET', '/health_status', undefined, 'nope')).status).toBe(401);
		expect((await api('GET', '/health_status')).status).toBe(200);
		expect(emulator.requests.map((request) => request.authorized)).toEqual([false, true]);
		expect(JSON.stringify(emulator.requests)).not.toContain('nope');
	});

	it('posts a delivery to the registered webhook with its headers', async () => {
		const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
		const receiver = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received.push({ headers: req.headers, body });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
		await api('POST', '/v1/configs/webhook', { url, headers: { 'x-secret': 's3' } });
		expect(await (await api('GET', '/v1/configs/webhook')).json()).toEqual({
			url,
			headers: { 'x-secret': 's3' },
		});
		expect(await emulator.deliver({ entry: [] })).toEqual([200]);
		expect(received).toEqual([
			{ headers: expect.objectContaining({ 'x-secret': 's3' }), body: '{"entry":[]}' },
		]);
		await new Promise((resolve) => receiver.close(resolve));
	});

	it("limits messages per second with a 429 and Retry-After, or with 360dialog's 400 answer", async () => {
		emulator.messagesPerSecond = 2;
		// All in one second, however slowly the machine sends them (reset() gives real time back).
		const second = Date.now();
		emulator.rateClock = { now: () => second };
		const message = {
			messaging_product: 'whatsapp',
			to: '447700900123',
			type: 'text',
			text: { body: 'x' },
		};
		const statuses = [];
		for (let index = 0; index < 3; index++)
			statuses.push((await api('POST', '/messages', message)).status);
		expect(statuses).toEqual([200, 200, 429]);
		emulator.rateLimitAnswer = '400';
		const limited = await api('POST', '/messages', message);
		expect(limited.status).toBe(400);
		expect(JSON.stringify(await limited.json())).toContain('exceeded the endpoint rate limit');
		expect(emulator.sent).toHaveLength(2);
		emulator.messagesPerSecond = 0;
		emulator.rateLimitAnswer = '429';
	});

	it('pages templates with limit and offset and filters them', async () => {
		emulator.seedTemplates(25);
		const page = (await (await api('GET', '/v1/configs/templates?limit=10&offset=20')).json()) as {
			count: number;
			total: number;
			waba_templates: unknown[];
		};
		expect(page).toMatchObject({ count: 5, total: 25 });
		const filtered = (await (
			await api(
				'GET',
				`/v1/configs/templates?filters=${encodeURIComponent(JSON.stringify({ 'business_templates.name': 'template_3' }))}`,
			)
		).json()) as { total: number };
		expect(filtered.total).toBe(1);
	});
});
