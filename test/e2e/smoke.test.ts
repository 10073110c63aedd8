/**
 * A real n8n (the pinned version, installed once into the cache) loads the packed package the way it
 * installs community packages, knows both node types and the credential, tests the credential against
 * the emulator, and runs a workflow with the action node.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Emulator } from '../emulator/server';
import { CONTACT, cloudDelivery, MESSAGE_FIXTURES } from '../fixtures/webhooks';
import { assertNoSentinel, SENTINEL_API_KEY } from '../support/sentinel';
import {
	ensureN8nInstalled,
	installPackage,
	n8nCli,
	ownerSession,
	packPackage,
	startN8n,
	type N8nInstance,
} from '../n8n/n8nHost';

const API_KEY = SENTINEL_API_KEY;
const WORKFLOWS: Array<[file: string, id: string]> = [
	['profile-smoke.json', 'smokeProfile0001'],
	['messages-smoke.json', 'smokeMessages001'],
	['templates-smoke.json', 'smokeTemplates01'],
	['trigger-autoreply.json', 'smokeTrigger0001'],
];

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 15_000): Promise<T | undefined> {
	const deadline = Date.now() + timeoutMs;
	for (let value = probe(); Date.now() < deadline; value = probe()) {
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return probe();
}

async function callWebhook(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, body: await response.json() };
}
jest.setTimeout(15 * 60_000);

describe('the package in a real n8n', () => {
	const emulator = new Emulator({ apiKeys: [API_KEY] });
	let n8n: N8nInstance;
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-e2e-'));

	beforeAll(async () => {
		const baseUrl = await emulator.start();
		ensureN8nInstalled();
		const userFolder = path.join(work, 'user');
		installPackage(userFolder, packPackage(path.join(work, 'pack')));

		const credentials = [
			{ id: 'smokeCredential1', name: '360dialog emulator', type: 'dialog360Api', data: { apiKey: API_KEY, environment: 'custom', baseUrl } },
		];
		writeFileSync(path.join(work, 'credentials.json'), JSON.stringify(credentials));
		n8nCli(userFolder, ['import:credentials', `--input=${path.join(work, 'credentials.json')}`]);
		for (const [file, id] of WORKFLOWS) {
			n8nCli(userFolder, ['import:workflow', `--input=${path.join(__dirname, 'workflows', file)}`]);
			n8nCli(userFolder, ['publish:workflow', `--id=${id}`]);
		}
		n8n = await startN8n(userFolder);
	});

	afterAll(async () => {
		await n8n?.stop();
		await emulator.stop();
	});

	it('knows both node types and the credential', async () => {
		const { cookie } = await ownerSession(n8n.url);
		const nodes = (await (await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie } })).json()) as Array<{ name: string; displayName: string; codex?: { categories?: string[]; alias?: string[] } }>;
		const names = nodes.map((node) => node.name);
		expect(names).toEqual(expect.arrayContaining(['n8n-nodes-360dialog.dialog360', 'n8n-nodes-360dialog.dialog360Trigger']));
		const action = nodes.find((node) => node.name === 'n8n-nodes-360dialog.dialog360');
		expect(action?.displayName).toBe('360dialog WhatsApp');
		// The codex files in the tarball reach the editor: category and search aliases.
		expect(action?.codex).toMatchObject({ categories: ['Communication'], alias: expect.arrayContaining(['WhatsApp', '360dialog']) });
		const credentials = (await (await fetch(`${n8n.url}/types/credentials.json`, { headers: { cookie } })).json()) as Array<{ name: string }>;
		expect(credentials.map((credential) => credential.name)).toContain('dialog360Api');
	});

	it('passes the credential test against the emulator, and explains a wrong key', async () => {
		const { cookie } = await ownerSession(n8n.url);
		const test = async (apiKey: string) => {
			const response = await fetch(`${n8n.url}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ credentials: { id: 'smokeCredential1', name: '360dialog emulator', type: 'dialog360Api', data: { apiKey, environment: 'custom', baseUrl: emulator.baseUrl } } }),
			});
			return ((await response.json()) as { data: { status: string; message: string } }).data;
		};
		expect(await test(API_KEY)).toMatchObject({ status: 'OK' });
		const wrong = await test('not-the-key');
		expect(wrong.status).toBe('Error');
		// n8n 2.8.4 drops the HTTP error's cause before it applies the credential's responseCode rules,
		// so its own 401 text shows instead of ours; newer lines show "360dialog refused this API key".
		expect(wrong.message).toMatch(/360dialog refused this API key \(HTTP 401\)|Authorization failed - please check your credentials/);
		expect(emulator.requestsTo('GET', '/health_status').length).toBeGreaterThanOrEqual(2);
	});

	it('runs a workflow with the action node', async () => {
		const response = await fetch(`${n8n.url}/webhook/smoke-profile`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body).toMatchObject({ about: 'Hello from the 360dialog emulator', verticalLabel: 'Shopping and Retail' });
		expect(emulator.requestsTo('GET', '/whatsapp_business_profile').every((request) => request.authorized)).toBe(true);
	});

	it('sends a text and a template with generated parameters', async () => {
		emulator.seedTemplates(1, () => ({ id: 'welcome1', name: 'welcome', language: 'en', components: [{ type: 'BODY', text: 'Welcome {{1}}!' }] }));
		const { status, body } = await callWebhook(`${n8n.url}/webhook/smoke-messages`, { to: '+44 7700 900123', name: 'Ada' });
		expect(status).toBe(200);
		expect(body).toMatchObject({ to: '+447700900123', waId: '447700900123', messageId: expect.stringMatching(/^wamid\./), status: 'accepted' });
		const [text, template] = emulator.sent;
		expect(text.payload).toMatchObject({ to: '447700900123', type: 'text', text: { body: 'Hello Ada' } });
		expect(template.payload).toMatchObject({ type: 'template', template: { name: 'welcome', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }] } });
	});

	it('submits a template, and Sync remembers it between executions (static data saved by n8n)', async () => {
		const first = await callWebhook(`${n8n.url}/webhook/smoke-templates`, { name: 'e2e_first' });
		expect(first.status).toBe(200);
		expect(first.body).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'e2e_first', change: 'new', status: 'SUBMITTED' })]));
		const second = await callWebhook(`${n8n.url}/webhook/smoke-templates`, { name: 'e2e_second' });
		const changes = Object.fromEntries((second.body as Array<{ name: string; change: string }>).map((template) => [template.name, template.change]));
		expect(changes).toMatchObject({ e2e_first: 'unchanged', e2e_second: 'new' });
	});

	it('registers the trigger on activation, and a delivered message starts a workflow that replies', async () => {
		expect(emulator.webhook.url).toBe(`${n8n.url}/webhook/6f1c2b8e-0301-4f7a-8f43-0000000000a1/webhook`);
		expect(Object.keys(emulator.webhook.headers)).toEqual(['x-n8n-360dialog-secret']);
		const delivery = cloudDelivery({ contacts: [CONTACT], messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.e2e1' }, { ...MESSAGE_FIXTURES.image, id: 'wamid.e2e2' }] });
		expect(await emulator.deliver(delivery)).toEqual([200]);
		expect(await emulator.deliver(delivery)).toEqual([200]); // a redelivery: acknowledged, no second reply
		const reply = await waitFor(() => emulator.sent.find((message) => (message.payload.context as { message_id?: string } | undefined)?.message_id === 'wamid.e2e1'));
		expect(reply?.payload).toMatchObject({ to: '4915112345678', text: { body: 'You said: hello (Ada)' } });
		const wrongSecret = await fetch(emulator.webhook.url as string, { method: 'POST', headers: { 'content-type': 'application/json', 'x-n8n-360dialog-secret': 'nope' }, body: JSON.stringify(delivery) });
		expect(wrongSecret.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(emulator.sent.filter((message) => (message.payload.context as { message_id?: string } | undefined)?.message_id?.startsWith('wamid.e2e'))).toHaveLength(1);
	});

	it('starts no execution for 1,000 hostile requests and keeps answering', async () => {
		const { cookie } = await ownerSession(n8n.url);
		const executions = async () => {
			const response = await fetch(`${n8n.url}/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: 'smokeTrigger0001' }))}`, { headers: { cookie } });
			return ((await response.json()) as { data: { count: number } }).data.count;
		};
		const before = await executions();
		expect(before).toBeGreaterThanOrEqual(1); // the reply workflow ran once in the test before
		const repliesBefore = emulator.sent.length;
		const url = emulator.webhook.url as string;
		const secret = emulator.webhook.headers['x-n8n-360dialog-secret'];
		const replay = JSON.stringify(cloudDelivery({ contacts: [CONTACT], messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.e2e1' }] }));
		const bodies: Array<string | Buffer> = [
			'',
			Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28]),
			'{"entry": [',
			'[]',
			'"just a string"',
			'{"object": "whatsapp_business_account", "entry": "not a list"}',
			Buffer.alloc(1024 * 1024, 0xc3),
		];
		const requests: Array<{ headers: Record<string, string>; body: string | Buffer }> = [];
		for (let n = 0; n < 1000; n++) {
			const kind = n % 10;
			if (kind < 4) requests.push({ headers: { 'x-n8n-360dialog-secret': `${secret.slice(0, n % secret.length)}x${n}` }, body: replay });
			else if (kind < 6) requests.push({ headers: {}, body: replay });
			else if (kind < 8) requests.push({ headers: { 'x-n8n-360dialog-secret': secret }, body: replay });
			else requests.push({ headers: { 'x-n8n-360dialog-secret': secret }, body: bodies[n % bodies.length] });
		}
		for (let n = 0; n < 5; n++) requests[n * 97] = { headers: { 'x-n8n-360dialog-secret': secret }, body: Buffer.alloc(5 * 1024 * 1024, 0x7b) }; // 5 MB of "{"

		const statuses: Record<string, number> = {};
		let next = 0;
		await Promise.all(
			Array.from({ length: 20 }, async () => {
				while (next < requests.length) {
					const request = requests[next++];
					const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: request.body });
					await response.arrayBuffer();
					statuses[response.status] = (statuses[response.status] ?? 0) + 1;
				}
			}),
		);
		// Wrong or missing secrets: 401; replays: acknowledged; broken bodies: refused before the node or by it.
		expect(statuses[401]).toBe(requests.filter((request) => request.headers['x-n8n-360dialog-secret'] !== secret).length);
		expect(Object.keys(statuses).every((status) => ['200', '400', '401', '413', '422', '500'].includes(status))).toBe(true);
		expect((await fetch(`${n8n.url}/healthz`)).status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await executions()).toBe(before);
		expect(emulator.sent.length).toBe(repliesBefore);
		console.log(`hostile trigger input: 1000 requests, answers ${JSON.stringify(statuses)}, executions started 0`);
	});

	it('never writes the API key into its log or into anything it stores (executions included)', async () => {
		assertNoSentinel("n8n's log", n8n.logs.join(''));
		// Everything n8n keeps in its folder (database, write-ahead log, event log, binary storage),
		// but the installed packages.
		const stored = path.join(work, 'user', '.n8n');
		const read = () =>
			readdirSync(stored, { recursive: true, withFileTypes: true })
				.filter((entry) => entry.isFile() && !path.join(entry.parentPath, entry.name).includes(`${path.sep}nodes${path.sep}`))
				.map((entry) => ({ file: path.join(entry.parentPath, entry.name), text: readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1') }));
		// The scan covers stored executions: wait (bounded) until the trigger workflow's execution (its wamid) is stored.
		const files = (await waitFor(() => { const all = read(); return all.some((entry) => entry.text.includes('"wamid.e2e1"')) ? all : undefined; })) ?? read();
		expect(files.some((entry) => entry.text.includes('"wamid.e2e1"'))).toBe(true);
		for (const entry of files) assertNoSentinel(entry.file, entry.text);
		expect(readFileSync(path.join(work, 'credentials.json'), 'utf8')).toContain(API_KEY); // the check can fail
	});
});
