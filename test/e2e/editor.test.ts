/**
 * The nodes in the real editor: headless Chromium (Debian's, driven by playwright-core) opens n8n,
 * finds the nodes in the nodes panel, and opens one 360dialog node per resource and operation (and
 * the trigger). The test fails when a parameter panel does not render or shows an issue. Then it
 * does what a new user does: pastes a template into Template › Submit's Body and runs the node,
 * switches another Body to an expression and types variables and an n8n expression into it, adds
 * buttons, reads the subtitles and the hints. N8N_EDITOR_LINE=current runs it on the current n8n. Screenshots go to test/e2e/.work/screenshots
 * (ignored by git); the README's come from there.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, type Browser, type Locator, type Page, type Request } from 'playwright-core';

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
import {
	CONTROL,
	CREDENTIAL,
	EDITOR_CONNECTIONS,
	EDITOR_NODES,
	EDITOR_PIN_DATA,
	EXPRESSION_NODE,
	OPERATIONS,
	PASTE_NODE,
	RULE_ERRORS,
} from './editorWorkflow';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The n8n line the check runs on: the oldest, or the current one with N8N_EDITOR_LINE=current. */
const LINE = N8N_LINES[process.env.N8N_EDITOR_LINE === 'current' ? 'current' : 'oldest'];
const SCREENSHOTS = path.join(__dirname, '.work', 'screenshots');
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
		emulator.seedDemoTemplates();
		const line = LINE;
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
		const created = await requestJson<{ data: { id: string } }>(`${n8n.url}/rest/workflows`, {
			method: 'POST',
			headers: { cookie },
			body: {
				name: 'Editor check',
				nodes: EDITOR_NODES,
				connections: EDITOR_CONNECTIONS,
				pinData: EDITOR_PIN_DATA,
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
		// The paste test puts the template on the clipboard, as a user copying it would.
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
		page = await context.newPage();
		const editorCall = (url: string) => /\/rest\/(dynamic-node-parameters|node-types)/.test(url);
		page.on('request', (request) => {
			if (editorCall(request.url())) loading++;
		});
		const finished = (request: Request) => {
			if (editorCall(request.url())) loading--;
		};
		page.on('requestfinished', finished);
		page.on('requestfailed', finished);
		mkdirSync(SCREENSHOTS, { recursive: true });
	});

	// A failed check leaves its node open; the next one starts from the canvas.
	afterEach(async () => await closeNode());

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await emulator.stop();
	});

	/**
	 * Requests the editor makes for options, fields and lists: settled when none is in flight. Two
	 * animation frames first, so that the components just shown have sent theirs (the browser reports
	 * a request before it answers the evaluate that follows it).
	 */
	let loading = 0;
	async function settled(timeoutMs = 20_000): Promise<void> {
		await page.evaluate(
			'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
		);
		const deadline = Date.now() + timeoutMs;
		while (loading > 0 && Date.now() < deadline)
			await Promise.race([
				page.waitForEvent('requestfinished', { timeout: deadline - Date.now() }),
				page.waitForEvent('requestfailed', { timeout: deadline - Date.now() }),
			]).catch(() => undefined);
	}

	/** Opens a node of the check's workflow; opens the workflow first when a -t run skipped that. */
	async function openNode(name: string) {
		if (!page.url().endsWith(`/workflow/${workflowId}`)) {
			await page.goto(`${n8n.url}/workflow/${workflowId}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
		}
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
		const parameters = page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]');
		await parameters.waitFor({ timeout: 20_000 });
		await settled();
		return parameters;
	}

	async function closeNode() {
		const parameters = page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]');
		// Escape first closes an open dropdown, then the node; an input keeps the key to itself, so
		// the focus leaves it first. At most three presses.
		for (let press = 0; press < 3 && (await parameters.isVisible()); press++) {
			await page.evaluate('document.activeElement && document.activeElement.blur()');
			await page.keyboard.press('Escape');
			await parameters.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
		}
		await parameters.waitFor({ state: 'hidden', timeout: 1_000 });
	}

	/**
	 * The Sample for {{1}} and {{2}} fields of the open Template › Submit node: waits for both, fills
	 * them in, runs the node and returns the template the emulator received under `templateName`.
	 */
	async function fillSamplesAndRun(parameters: Locator, templateName: string, screenshot: string) {
		const samples = parameters.locator('[data-test-id="resource-mapper-container"]');
		await samples.getByText('Sample for {{2}}').waitFor({ timeout: 20_000 });
		await parameters.getByText("Samples for Meta's Review").first().waitFor({ timeout: 5_000 });
		await settled();
		expect(await samples.getByText(/Sample for/).allInnerTexts()).toEqual([
			'Sample for {{1}}',
			'Sample for {{2}}',
		]);
		const fields = samples.locator('[data-test-id="parameter-input-field"]');
		await fields.nth(0).fill('Ada');
		await fields.nth(1).fill('#123');
		await settled();
		// Filled, they stay: nothing the fields depend on has changed.
		expect([await fields.nth(0).inputValue(), await fields.nth(1).inputValue()]).toEqual([
			'Ada',
			'#123',
		]);
		await samples.scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SCREENSHOTS, `${screenshot}.png`) });
		await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').click();
		await page
			.locator('[data-test-id="ndv"] [data-test-id="output-panel"]')
			.getByText('SUBMITTED')
			.first()
			.waitFor({ timeout: 30_000 });
		return emulator
			.requestsTo('POST', '/v1/configs/templates')
			.find((request) => (request.body as { name?: string }).name === templateName)?.body;
	}

	it('lists both nodes in the nodes panel, with a description that speaks for the actions too', async () => {
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
		// n8n shows the action node and the trigger as one entry with the trigger's description.
		await items.first().click();
		const creator = page.locator('[data-test-id="node-creator"]');
		await creator.getByText('Actions').first().waitFor({ timeout: 20_000 });
		const details = await creator.innerText();
		expect(details).toContain('send messages and templates');
		expect(details).toContain('start workflows on inbound messages');
		await page.screenshot({ path: path.join(SCREENSHOTS, 'node-details.png') });
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
			try {
				await openNode(name);
			} catch {
				problems.push(`${name}: the parameter panel did not render`);
				await page.keyboard.press('Escape');
				continue;
			}
			const issues = await page
				.locator('[data-test-id="ndv"] [data-test-id="parameter-issues"]')
				.count();
			if (issues > 0) problems.push(`${name}: ${issues} parameter issue(s)`);
			await page.screenshot({
				path: path.join(SCREENSHOTS, `${name.replace(/\W+/g, '-').toLowerCase()}.png`),
			});
			await closeNode();
		}
		expect(problems.filter((problem) => !problem.startsWith(CONTROL))).toEqual([]);
		expect(problems.filter((problem) => problem.startsWith(CONTROL)).length).toBeGreaterThan(0);
	});

	it('subtitles on the canvas name the operation and the events in words', async () => {
		const subtitle = async (name: string) =>
			await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).innerText();
		expect(await subtitle('Message Send Template')).toContain('Send a template message');
		expect(await subtitle('Template Sync')).toContain('Sync templates');
		expect(await subtitle('Profile Update')).toContain('Update the business profile');
		expect(await subtitle('Trigger')).toContain('On messages, statuses');
		expect(await subtitle('Message Send and Wait')).toContain('Send message and wait for response');
		expect(await subtitle('Message Send Template')).not.toContain('sendTemplate');
	});

	it('Template › Submit: a pasted template stays as written, gets one sample field per variable, and is submitted as written', async () => {
		const parameters = await openNode(PASTE_NODE);
		await parameters.locator('[data-test-id="parameter-input-body"] .cm-content').click();
		// In the browser, as a user copying the template would.
		await page.evaluate(
			`navigator.clipboard.writeText(${JSON.stringify('Hi {{1}}, your order {{2}} ships today.')})`,
		);
		await page.keyboard.press('Control+V');
		const submitted = await fillSamplesAndRun(
			parameters,
			'pasted_template',
			'submit-pasted-template',
		);
		expect(submitted).toMatchObject({
			name: 'pasted_template',
			components: [
				{
					type: 'BODY',
					text: 'Hi {{1}}, your order {{2}} ships today.',
					example: { body_text: [['Ada', '#123']] },
				},
			],
		});
		await page.screenshot({ path: path.join(SCREENSHOTS, 'submit-pasted-template-run.png') });
		await closeNode();
	});

	it('Template › Submit: a Body switched to an expression keeps {{1}} as written and its sample fields, and evaluates the n8n expression', async () => {
		const parameters = await openNode(EXPRESSION_NODE);
		await parameters.locator('[data-test-id="parameter-input-body"]').click();
		await parameters
			.locator('[data-test-id="body-parameter-input-options-container"]')
			.locator('[data-test-id="radio-button-expression"]')
			.click();
		const editor = parameters.locator('[data-test-id="inline-expression-editor-input"]');
		await editor.locator('.cm-content').click();
		// Typed key by key. n8n's expression editor closes `{{` itself as `{{ | }}`: the user types
		// what goes inside and moves past the closing braces.
		for (const [text, inside] of [
			['Hi ', '1'],
			[', your order ', '2'],
			[' ships ', '$json.when'],
		]) {
			await page.keyboard.type(`${text}{{`);
			await page.keyboard.type(inside);
			await page.keyboard.press('End');
		}
		await page.keyboard.type('.');
		expect(await editor.locator('.cm-content').innerText()).toBe(
			'Hi {{ 1 }}, your order {{ 2 }} ships {{ $json.when }}.',
		);
		await parameters.getByText('Sample for {{2}}').waitFor({ timeout: 20_000 });
		// n8n's preview evaluates {{ 1 }} to 1: the picture for the README.
		await page.screenshot({ path: path.join(SCREENSHOTS, 'submit-expression-body.png') });
		const submitted = await fillSamplesAndRun(
			parameters,
			'expression_body',
			'submit-expression-body-samples',
		);
		expect(submitted).toMatchObject({
			components: [
				{
					type: 'BODY',
					text: 'Hi {{1}}, your order {{2}} ships today.',
					example: { body_text: [['Ada', '#123']] },
				},
			],
		});
		// Back to Fixed: the Body keeps its text, so n8n keeps the filled samples.
		await editor.locator('.cm-content').click();
		await parameters
			.locator('[data-test-id="body-parameter-input-options-container"]')
			.locator('[data-test-id="radio-button-fixed"]')
			.click();
		await settled();
		const fields = parameters.locator(
			'[data-test-id="resource-mapper-container"] [data-test-id="parameter-input-field"]',
		);
		expect([await fields.nth(0).inputValue(), await fields.nth(1).inputValue()]).toEqual([
			'Ada',
			'#123',
		]);
		await closeNode();
	});

	it('Send Template says what the header image takes, and heads its fields with the template', async () => {
		const parameters = await openNode('Message Send Template');
		await parameters
			.getByText('Values for the Template Variables')
			.first()
			.waitFor({ timeout: 20_000 });
		await parameters
			.getByText('Header Image (Link or Media ID)')
			.first()
			.waitFor({ timeout: 5_000 });
	});

	it('a rule error shows each violation on its own line in the error panel', async () => {
		await openNode(RULE_ERRORS);
		await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').click();
		const description = page.locator(
			'[data-test-id="ndv"] [data-test-id="node-error-description"]',
		);
		await description.waitFor({ timeout: 30_000 });
		expect(await description.locator('li').allInnerTexts()).toEqual([
			'About must be at most 139 characters (got 150)',
			'Email must be a valid address like name@example.com (got "nope")',
		]);
		await page.screenshot({ path: path.join(SCREENSHOTS, 'rule-errors.png') });
	});

	it('Template › Submit: a button asks for its type first and shows only the fields of that type', async () => {
		const parameters = await openNode(PASTE_NODE);
		await parameters.getByText('Add Button').click();
		const button = parameters.locator('[data-test-id="fixed-collection-buttons"]');
		const labels = async () =>
			(await button.locator('[data-test-id="parameter-input-label"], label').allInnerTexts())
				.map((label) => label.split('\n')[0].trim())
				.filter((label) => !['', 'Fixed', 'Expression'].includes(label));
		expect((await labels())[0]).toContain('Button Type');
		expect(await labels()).toEqual(expect.arrayContaining(['Text']));
		expect((await labels()).join('|')).not.toMatch(/URL|Phone Number|Example Code/);
		await button.locator('[data-test-id="parameter-input-type"]').click();
		await page.getByRole('option', { name: 'URL' }).click();
		await settled();
		// The picture for the README: the dropdown gone, the URL button's fields in view.
		await page.evaluate('document.activeElement && document.activeElement.blur()');
		await page
			.locator('.el-select__popper:visible')
			.waitFor({ state: 'detached' })
			.catch(() => undefined);
		await button.locator('[data-test-id="parameter-input-urlSample"]').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SCREENSHOTS, 'submit-buttons.png') });
		expect((await labels()).join('|')).toMatch(/Text.*URL.*URL Sample/);
		expect((await labels()).join('|')).not.toMatch(/Phone Number|Example Code/);
		await button.locator('[data-test-id="parameter-input-type"]').click();
		await page.getByRole('option', { name: 'Request Contact Info' }).click();
		await settled();
		expect((await labels()).join('|')).not.toMatch(/Text|URL|Phone Number|Example Code/);
		await closeNode();
	});

	it('Message › Send and Wait says where the answer comes from, and shows the buttons and the time limit', async () => {
		const parameters = await openNode('Message Send and Wait');
		await parameters
			.getByText('The answer arrives through the 360dialog Trigger of this number', {
				exact: false,
			})
			.waitFor({ timeout: 10_000 });
		for (const label of ['Approve Button Label', 'Decline Button Label', 'Limit Wait Time', 'Unit'])
			await parameters.getByText(label, { exact: true }).first().waitFor({ timeout: 10_000 });
		await page.screenshot({ path: path.join(SCREENSHOTS, 'send-and-wait.png') });
		await closeNode();
	});

	it("Profile › Update shows each field's limits before the run", async () => {
		const parameters = await openNode('Profile Update');
		// The limit is shown under the field, from the same rule table the checks use.
		await parameters.getByText('1 to 139 characters, not only spaces').waitFor({ timeout: 10_000 });
		await closeNode();
	});

	it('shows the three-node chatbot of examples/ai-agent-reply.json', async () => {
		const example = JSON.parse(
			readFileSync(path.join(__dirname, '..', '..', 'examples', 'ai-agent-reply.json'), 'utf8'),
		) as { name: string; nodes: Array<{ credentials?: unknown }>; connections: unknown };
		for (const node of example.nodes) if (node.credentials) node.credentials = CREDENTIAL;
		const { cookie } = await ownerSession(n8n.url);
		const created = await requestJson<{ data: { id: string } }>(`${n8n.url}/rest/workflows`, {
			method: 'POST',
			headers: { cookie },
			body: {
				name: example.name,
				nodes: example.nodes,
				connections: example.connections,
				settings: { executionOrder: 'v1' },
				active: false,
			},
			idempotent: false,
		});
		await page.goto(`${n8n.url}/workflow/${created.body.data.id}`);
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
		expect(
			await page
				.locator('[data-test-id="canvas-node"][data-node-type^="n8n-nodes-360dialog"]')
				.count(),
		).toBe(2);
		await page.screenshot({ path: path.join(SCREENSHOTS, 'ai-agent-chatbot.png') });
	});
});
