/** End-to-end tests. Security and robustness: hostile trigger input, and the API key in nothing n8n writes or stores. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { CONTACT, cloudDelivery, MESSAGE_FIXTURES } from '../../fixtures/webhooks';
import { ownerSession } from '../../n8n/n8nHost';
import { recordFigure } from '../../support/figures';
import { request, requestJson } from '../../support/http';
import { assertNoSentinel } from '../../support/sentinel';
import { API_KEY, waitFor, type E2eContext } from '../harness';

/** 1,000 hostile requests start no execution. */
export function hostileInputTests(ctx: E2eContext): void {
	const { line, mode, emulator } = ctx;

	it('starts no execution for 1,000 hostile requests and keeps answering', async () => {
		const { cookie } = await ownerSession(ctx.n8n.url);
		const executions = async () => {
			const response = await requestJson<{ data: { count: number } }>(
				`${ctx.n8n.url}/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: 'exampleAutoReply' }))}`,
				{ headers: { cookie } },
			);
			return response.body.data.count;
		};
		const before = await executions();
		expect(before).toBeGreaterThanOrEqual(1); // the reply workflow ran once in the test before
		const repliesBefore = emulator.sent.length;
		const url = emulator.webhook.url as string;
		const secret = emulator.webhook.headers['x-n8n-360dialog-secret'];
		const replay = JSON.stringify(
			cloudDelivery({
				contacts: [CONTACT],
				messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.e2e1' }],
			}),
		);
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
			if (kind < 4)
				requests.push({
					headers: { 'x-n8n-360dialog-secret': `${secret.slice(0, n % secret.length)}x${n}` },
					body: replay,
				});
			else if (kind < 6) requests.push({ headers: {}, body: replay });
			else if (kind < 8)
				requests.push({ headers: { 'x-n8n-360dialog-secret': secret }, body: replay });
			else
				requests.push({
					headers: { 'x-n8n-360dialog-secret': secret },
					body: bodies[n % bodies.length],
				});
		}
		for (let n = 0; n < 5; n++)
			requests[n * 97] = {
				headers: { 'x-n8n-360dialog-secret': secret },
				body: Buffer.alloc(5 * 1024 * 1024, 0x7b),
			}; // 5 MB of "{"

		const statuses: Record<string, number> = {};
		let next = 0;
		await Promise.all(
			Array.from({ length: 20 }, async () => {
				while (next < requests.length) {
					const hostile = requests[next++];
					const response = await request(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json', ...hostile.headers },
						body: hostile.body,
					});
					statuses[response.status] = (statuses[response.status] ?? 0) + 1;
				}
			}),
		);
		// Wrong or missing secrets: 401; replays: acknowledged; broken bodies: refused before the node or by it.
		expect(statuses[401]).toBe(
			requests.filter((entry) => entry.headers['x-n8n-360dialog-secret'] !== secret).length,
		);
		expect(
			Object.keys(statuses).every((status) =>
				['200', '400', '401', '413', '422', '500'].includes(status),
			),
		).toBe(true);
		expect((await request(`${ctx.n8n.url}/healthz`)).status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await executions()).toBe(before);
		expect(emulator.sent.length).toBe(repliesBefore);
		recordFigure(
			`hostile trigger input, n8n ${line.version} ${mode} mode`,
			`hostile trigger input: 1000 requests, answers ${JSON.stringify(statuses)}, executions started 0`,
		);
	});
}

/** The API key in no log and in nothing stored. */
export function apiKeyTests(ctx: E2eContext): void {
	const { work } = ctx;

	it('never writes the API key into its log or into anything it stores (executions included)', async () => {
		assertNoSentinel("n8n's log", ctx.n8n.logs.join(''));
		// Everything n8n keeps in its folder (database, write-ahead log, event log, binary storage),
		// but the installed packages.
		const stored = path.join(work, 'user', '.n8n');
		// In queue mode n8n stores in PostgreSQL, which is read as a dump of its database.
		const read = async () => [
			...readdirSync(stored, { recursive: true, withFileTypes: true })
				.filter(
					(entry) =>
						entry.isFile() &&
						!path.join(entry.parentPath, entry.name).includes(`${path.sep}nodes${path.sep}`),
				)
				.map((entry) => ({
					file: path.join(entry.parentPath, entry.name),
					text: readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'),
				})),
			...(ctx.n8n.storedElsewhere
				? [{ file: 'the PostgreSQL database', text: await ctx.n8n.storedElsewhere() }]
				: []),
		];
		// The scan covers stored executions: wait (bounded) until the trigger workflow's execution (its wamid) is stored.
		const files =
			(await waitFor(async () => {
				const all = await read();
				return all.some((entry) => entry.text.includes('"wamid.e2e1"')) ? all : undefined;
			})) ?? (await read());
		expect(files.some((entry) => entry.text.includes('"wamid.e2e1"'))).toBe(true);
		for (const entry of files) assertNoSentinel(entry.file, entry.text);
		expect(readFileSync(path.join(work, 'credentials.json'), 'utf8')).toContain(API_KEY); // the check can fail
	});
}
