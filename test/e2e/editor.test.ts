/**
 * The nodes in the real editor: headless Chromium (Debian's, driven by playwright-core) opens n8n,
 * finds the nodes in the nodes panel, and opens one 360dialog node per resource and operation (and
 * the trigger). The test fails when a parameter panel does not render or shows an issue. Screenshots
 * go to test/e2e/.work/screenshots (ignored by git).
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { Emulator } from '../emulator/server';
import {
	N8N_LINES,
	ownerSession,
	prepareUserFolder,
	startN8n,
	type N8nInstance,
} from '../n8n/n8nHost';
import { requestJson } from '../support/http';
import { SENTINEL_API_KEY } from '../support/sentinel';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(__dirname, '.work', 'screenshots');
const CREDENTIAL = { dialog360Api: { id: 'editorCredential1', name: '360dialog emulator' } };

/** A node with a required field left empty: the check must find its issue, or it finds none at all. */
const CONTROL = 'Control: no recipient';

/** One node per resource and operation, with what each needs filled in. */
const OPERATIONS: Array<[name: string, parameters: Record<string, unknown>]> = [
	[
		'Message Send',
		{
			resource: 'message',
			operation: 'send',
			to: '+447700900123',
			messageType: 'text',
			text: 'Hello',
		},
	],
	[
		'Message Send Template',
		{
			resource: 'message',
			operation: 'sendTemplate',
			to: '+447700900123',
			template: { __rl: true, mode: 'list', value: 'welcome|en', cachedResultName: 'welcome (en)' },
			templateParameters: {
				mappingMode: 'defineBelow',
				value: { body_1: 'Ada' },
				matchingColumns: [],
				schema: [
					{
						id: 'body_1',
						displayName: 'Body {{1}}',
						required: true,
						defaultMatch: false,
						display: true,
						type: 'string',
						canBeUsedToMatch: false,
					},
				],
				attemptToConvertTypes: false,
				convertFieldsToString: true,
			},
		},
	],
	['Message Mark as Read', { resource: 'message', operation: 'markAsRead', messageId: 'wamid.1' }],
	['Media Upload', { resource: 'media', operation: 'upload' }],
	['Media Download', { resource: 'media', operation: 'download', mediaId: '123' }],
	['Media Delete', { resource: 'media', operation: 'delete', mediaId: '123' }],
	[
		'Template Submit',
		{
			resource: 'template',
			operation: 'submit',
			name: 'order_update',
			body: 'Hi {{1}}, thanks.',
			bodySamples: ['Ada'],
		},
	],
	['Template List', { resource: 'template', operation: 'list' }],
	['Template Sync', { resource: 'template', operation: 'sync' }],
	[
		'Template Get',
		{
			resource: 'template',
			operation: 'get',
			template: { __rl: true, mode: 'id', value: 'welcome|en' },
		},
	],
	['Template Delete', { resource: 'template', operation: 'delete', templateName: 'welcome' }],
	['Profile Get', { resource: 'profile', operation: 'get' }],
	[
		'Profile Update',
		{ resource: 'profile', operation: 'update', updateFields: { about: 'Open 9–5' } },
	],
	[CONTROL, { resource: 'message', operation: 'send', to: '', messageType: 'text', text: 'Hello' }],
];

jest.setTimeout(20 * 60_000);

describe('the nodes in the n8n editor (headless Chromium)', () => {
	const emulator = new Emulator({ apiKeys: [SENTINEL_API_KEY] });
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-editor-'));
	let n8n: N8nInstance;
	let browser: Browser;
	let page: Page;
	let workflowId: string;

	beforeAll(async () => {
		if (!existsSync(CHROMIUM))
			throw new Error(
				`No Chromium at ${CHROMIUM}: install Debian's chromium (npm test does, as root) or set CHROMIUM_PATH`,
			);
		const baseUrl = await emulator.start();
		emulator.seedTemplates(1, () => ({ id: 'w1', name: 'welcome', language: 'en' }));
		const line = N8N_LINES.oldest;
		const userFolder = prepareUserFolder(work, line, {
			credentials: [
				{
					id: 'editorCredential1',
					name: '360dialog emulator',
					type: 'dialog360Api',
					data: { apiKey: SENTINEL_API_KEY, environment: 'custom', baseUrl },
				},
			],
		});
		n8n = await startN8n(userFolder, { line });

		const { cookie } = await ownerSession(n8n.url);
		const nodes = [
			...OPERATIONS.map(([name, parameters], index) => ({
				id: `e0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
				name,
				type: 'n8n-nodes-360dialog.dialog360',
				typeVersion: 1,
				position: [(index % 5) * 260, Math.floor(index / 5) * 200],
				parameters,
				credentials: CREDENTIAL,
			})),
			{
				id: 'e0000000-0000-4000-8000-999999999999',
				name: 'Trigger',
				type: 'n8n-nodes-360dialog.dialog360Trigger',
				typeVersion: 1,
				position: [0, 600],
				webhookId: 'e0000000-0000-4000-8000-aaaaaaaaaaaa',
				parameters: { events: ['message', 'status'] },
				credentials: CREDENTIAL,
			},
		];
		const created = await requestJson<{ data: { id: string } }>(`${n8n.url}/rest/workflows`, {
			method: 'POST',
			headers: { cookie },
			body: {
				name: 'Editor check',
				nodes,
				connections: {},
				settings: { executionOrder: 'v1' },
				active: false,
			},
			idempotent: false,
		});
		workflowId = created.body.data.id;

		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-dev-shm-usage'],
		});
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
		page = await context.newPage();
		mkdirSync(SCREENSHOTS, { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await emulator.stop();
	});

	it('lists both nodes in the nodes panel', async () => {
		await page.goto(`${n8n.url}/workflow/new`);
		await page
			.locator('[data-test-id="canvas-plus-button"], [data-test-id="canvas-add-button"]')
			.first()
			.click({ timeout: 60_000 });
		await page.keyboard.type('360dialog');
		const items = page.locator('[data-test-id="node-creator-item-name"]');
		await items.first().waitFor({ timeout: 30_000 });
		const names = await items.allInnerTexts();
		expect(names.join(' | ')).toContain('360dialog WhatsApp');
		await page.screenshot({ path: path.join(SCREENSHOTS, 'nodes-panel.png') });
	});

	it('renders every operation and the trigger with no parameter issue', async () => {
		await page.goto(`${n8n.url}/workflow/${workflowId}`);
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
		await page.screenshot({ path: path.join(SCREENSHOTS, 'canvas.png') });
		const problems: string[] = [];
		for (const name of [...OPERATIONS.map(([operation]) => operation), 'Trigger']) {
			const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
			if ((await node.locator('[data-test-id="canvas-node-status-warning"]').count()) > 0)
				problems.push(`${name}: the canvas shows a warning`);
			await node.dblclick();
			const parameters = page.locator('[data-test-id="node-parameters"]');
			try {
				await parameters.waitFor({ timeout: 20_000 });
			} catch {
				problems.push(`${name}: the parameter panel did not render`);
				await page.keyboard.press('Escape');
				continue;
			}
			await page.waitForTimeout(500); // options loaded from the emulator settle
			const issues = await page
				.locator('[data-test-id="ndv"] [data-test-id="parameter-issues"]')
				.count();
			if (issues > 0) problems.push(`${name}: ${issues} parameter issue(s)`);
			await page.screenshot({
				path: path.join(SCREENSHOTS, `${name.replace(/\W+/g, '-').toLowerCase()}.png`),
			});
			await page.keyboard.press('Escape');
			await parameters.waitFor({ state: 'hidden', timeout: 10_000 });
		}
		expect(problems.filter((problem) => !problem.startsWith(CONTROL))).toEqual([]);
		expect(problems.filter((problem) => problem.startsWith(CONTROL)).length).toBeGreaterThan(0);
	});
});
