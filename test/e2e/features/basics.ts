/** End-to-end tests. The package as n8n loads it: node types, the credential test, a first workflow; and where queue mode runs. */
import { ownerSession } from '../../n8n/n8nHost';
import { requestJson } from '../../support/http';
import { API_KEY, type E2eContext } from '../harness';

/** n8n knows the nodes and the credential, and runs a workflow with the action node. */
export function basicsTests(ctx: E2eContext): void {
	const { line, emulator } = ctx;

	it('knows both node types and the credential', async () => {
		const { cookie } = await ownerSession(ctx.n8n.url);
		const nodes = (
			await requestJson<
				Array<{
					name: string;
					displayName: string;
					codex?: { categories?: string[]; alias?: string[] };
				}>
			>(`${ctx.n8n.url}/types/nodes.json`, { headers: { cookie } })
		).body;
		const names = nodes.map((node) => node.name);
		expect(names).toEqual(
			expect.arrayContaining([
				'n8n-nodes-360dialog.dialog360',
				'n8n-nodes-360dialog.dialog360Trigger',
			]),
		);
		const action = nodes.find((node) => node.name === 'n8n-nodes-360dialog.dialog360');
		expect(action?.displayName).toBe('360dialog WhatsApp');
		// The codex files in the tarball reach the editor: category and search aliases.
		expect(action?.codex).toMatchObject({
			categories: ['Communication'],
			alias: expect.arrayContaining(['WhatsApp', '360dialog']),
		});
		const credentials = (
			await requestJson<Array<{ name: string }>>(`${ctx.n8n.url}/types/credentials.json`, {
				headers: { cookie },
			})
		).body;
		expect(credentials.map((credential) => credential.name)).toContain('dialog360Api');
	});

	it('passes the credential test against the emulator, and explains a wrong key', async () => {
		const { cookie } = await ownerSession(ctx.n8n.url);
		const test = async (apiKey: string) => {
			const response = await requestJson<{ data: { status: string; message: string } }>(
				`${ctx.n8n.url}/rest/credentials/test`,
				{
					method: 'POST',
					headers: { cookie },
					body: {
						credentials: {
							id: 'smokeCredential1',
							name: '360dialog emulator',
							type: 'dialog360Api',
							data: { apiKey, environment: 'custom', baseUrl: emulator.baseUrl },
						},
					},
					idempotent: true, // a test changes nothing
				},
			);
			return response.body.data;
		};
		expect(await test(API_KEY)).toMatchObject({ status: 'OK' });
		const wrong = await test('not-the-key');
		expect(wrong.status).toBe('Error');
		// n8n 2.8.x drops the HTTP error's cause before it applies the credential's responseCode rules,
		// so its own 401 text shows instead of ours; 2.40 keeps it and shows ours.
		expect(wrong.message).toMatch(
			line.version.startsWith('2.8.')
				? /^Authorization failed - please check your credentials/
				: /^360dialog refused this API key \(HTTP 401\)\. Copy the current key of this number from the 360dialog Hub/,
		);
		expect(emulator.requestsTo('GET', '/health_status').length).toBeGreaterThanOrEqual(2);
	});

	it('runs a workflow with the action node', async () => {
		const response = await requestJson(`${ctx.n8n.webhookUrl}/webhook/smoke-profile`, {
			method: 'POST',
			body: {},
		});
		expect(response.status).toBe(200);
		const body = response.body;
		expect(body).toMatchObject({
			about: 'Hello from the 360dialog emulator',
			verticalLabel: 'Shopping and Retail',
		});
		expect(
			emulator
				.requestsTo('GET', '/whatsapp_business_profile')
				.every((request) => request.authorized),
		).toBe(true);
	});
}

/** Queue mode: the executions ran on the worker, the webhooks reached the webhook process. */
export function queueModeTests(ctx: E2eContext): void {
	const { mode } = ctx;

	if (mode === 'queue') {
		it('ran the executions on the worker, and received webhooks in the webhook process', () => {
			const logs = ctx.n8n.logs.join('');
			expect(logs).toMatch(/\[worker\][^\n]*Worker started execution/);
			expect(ctx.n8n.webhookUrl).not.toBe(ctx.n8n.url);
		});
	}
}
