/**
 * The end-to-end suite, run for each n8n line and mode by the *.test.ts files next to it: a real n8n
 * (installed once into the cache) loads the packed package the way it installs community packages,
 * knows both node types and the credential, tests the credential against the emulator, runs the
 * workflows under workflows/ and examples/, and receives deliveries through the activated trigger.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Emulator, type SentMessage } from '../emulator/server';
import {
	CONTACT,
	cloudDelivery,
	MESSAGE_FIXTURES,
	buttonTap,
	replyButtonsOf,
	textFrom,
	USER_ID,
	USERNAME,
	usernameOnlyMessage,
} from '../fixtures/webhooks';
import { recordFigure } from '../support/figures';
import { request, requestJson } from '../support/http';
import { assertNoSentinel, SENTINEL_API_KEY } from '../support/sentinel';
import {
	N8N_LINES,
	ownerSession,
	prepareUserFolder,
	startN8n,
	startQueueCluster,
	type N8nInstance,
	type N8nLine,
} from '../n8n/n8nHost';

const API_KEY = SENTINEL_API_KEY;
const WORKFLOWS: Array<[file: string, id: string]> = [
	['profile-smoke.json', 'smokeProfile0001'],
	['messages-smoke.json', 'smokeMessages001'],
	['templates-smoke.json', 'smokeTemplates01'],
	['operations-smoke.json', 'smokeOperations1'],
	['trigger-at-once-smoke.json', 'smokeTriggerNow1'],
	['phone-smoke.json', 'smokePhones00001'],
	['tool-smoke.json', 'smokeAgentTool01'],
	['wait-smoke.json', 'smokeWaitText001'],
	['hitl-smoke.json', 'smokeAgentHitl01'],
];
/** The examples users import; the suite imports and runs each. */
const EXAMPLES: Array<[file: string, id: string]> = [
	['auto-reply-with-template-fallback.json', 'exampleAutoReply'],
	['nightly-template-sync.json', 'exampleNightlySync'],
	['profile-update-from-form.json', 'exampleProfileForm'],
	['ai-agent-reply.json', 'exampleAiAgentReply'],
	['refund-approval.json', 'exampleRefundOkay'],
];
const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');
/**
 * The example as users import it, except that the nightly schedule fires every `everySeconds` (2)
 * seconds here, and the AI example's agent is a fixed reply (no language model): its chat model node
 * is left out.
 */
export function examplePath(file: string, work: string, everySeconds = 2): string {
	if (file !== 'nightly-template-sync.json' && file !== 'ai-agent-reply.json')
		return path.join(EXAMPLES_DIR, file);
	const workflow = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
		nodes: Array<{
			name: string;
			type: string;
			typeVersion: number;
			parameters: Record<string, unknown> & { rule?: { interval: Array<{ expression?: string }> } };
		}>;
		connections: Record<string, unknown>;
	};
	if (file === 'nightly-template-sync.json') {
		const schedule = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
		if (!schedule?.parameters.rule) throw new Error('the nightly example has no schedule');
		schedule.parameters.rule.interval[0].expression = `*/${everySeconds} * * * * *`;
	} else {
		const agent = workflow.nodes.find((node) => node.name === 'AI Agent');
		if (!agent) throw new Error('the AI example has no AI Agent node');
		Object.assign(agent, {
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{
							id: 'fixed-reply',
							name: 'output',
							type: 'string',
							value: "={{ '**Thanks!** You wrote:\\n\\n' + $json.text }}",
						},
					],
				},
				options: {},
			},
		});
		workflow.nodes = workflow.nodes.filter((node) => node.name !== 'Chat Model');
		delete workflow.connections['Chat Model'];
	}
	const copy = path.join(work, file);
	writeFileSync(copy, JSON.stringify(workflow));
	return copy;
}
const AI_AGENT_WEBHOOK_ID = 'c1000000-0000-4000-8000-0000000000cc';
const AUTO_REPLY_WEBHOOK_ID = 'a1000000-0000-4000-8000-0000000000aa';
const AT_ONCE_WEBHOOK_ID = '6f1c2b8e-0005-4f7a-8f43-0000000000a1';
const FORM_WEBHOOK_ID = 'c3000000-0000-4000-8000-0000000000cc';
const ANSWERS_WEBHOOK_ID = 'd1000000-0000-4000-8000-0000000000dd';

/** Polls (bounded) until `probe` gives something other than undefined. */
export async function waitFor<T>(
	probe: () => T | undefined | Promise<T | undefined>,
	timeoutMs = 30_000,
): Promise<T | undefined> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined || Date.now() > deadline) return value;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Whether a sent message is an interactive question whose body mentions `text`. */
function asksAbout(message: SentMessage, text: string): boolean {
	return String(
		(message.payload.interactive as { body?: { text?: string } } | undefined)?.body?.text,
	).includes(text);
}

const apiKeys = new Map<string, string>();

/** The error message of the newest execution of a workflow, through the public API. */
export async function lastExecutionError(n8n: N8nInstance, workflowId: string): Promise<string> {
	const found = await waitFor(async () => {
		const list = await publicApi<{ data: Array<{ id: string; status: string }> }>(
			n8n,
			`/executions?workflowId=${workflowId}&status=error&limit=1`,
		);
		return list.data[0];
	});
	if (!found) return '';
	const execution = await publicApi<{
		data: { resultData: { error?: { message?: string; description?: string } } };
	}>(n8n, `/executions/${found.id}?includeData=true`);
	const error = execution.data.resultData.error ?? {};
	return `${error.message ?? ''} ${error.description ?? ''}`;
}

/** n8n's public API (/api/v1) with an API key created for the owner. */
export async function publicApi<T>(
	n8n: N8nInstance,
	resource: string,
	options: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<T> {
	let key = apiKeys.get(n8n.url);
	if (!key) {
		const { cookie } = await ownerSession(n8n.url);
		// Every scope n8n offers (2.40 honours the scopes asked for; 2.8 gives the owner's anyway).
		const scopes = (
			await requestJson<{ data: string[] }>(`${n8n.url}/rest/api-keys/scopes`, {
				headers: { cookie },
			})
		).body.data;
		const created = await requestJson<{ data?: { rawApiKey?: string } }>(
			`${n8n.url}/rest/api-keys`,
			{
				method: 'POST',
				headers: { cookie },
				body: { label: 'e2e', scopes, expiresAt: null },
				idempotent: false,
			},
		);
		key = created.body.data?.rawApiKey;
		if (created.status !== 200 || !key)
			throw new Error(
				`n8n did not create an API key: ${created.status} ${JSON.stringify(created.body)}`,
			);
		apiKeys.set(n8n.url, key);
	}
	const { method = 'GET', body } = options;
	const response = await requestJson<T>(`${n8n.url}/api/v1${resource}`, {
		method,
		body,
		headers: { 'X-N8N-API-KEY': key },
		idempotent: method === 'GET',
	});
	if (response.status >= 300)
		throw new Error(
			`public API ${method} ${resource}: ${response.status} ${JSON.stringify(response.body)}`,
		);
	return response.body;
}

/** The executions of a workflow, once there is one and all have finished successfully (bounded wait). */
async function successfulExecutions(
	n8n: N8nInstance,
	workflowId: string,
): Promise<Array<{ id: string; status: string }> | undefined> {
	return await waitFor(async () => {
		const list = await publicApi<{ data: Array<{ id: string; status: string }> }>(
			n8n,
			`/executions?workflowId=${workflowId}`,
		);
		return list.data.length > 0 && list.data.every((execution) => execution.status === 'success')
			? list.data
			: undefined;
	});
}

/** What a node gave in an execution (its first run, main output), through the public API. */
async function nodeOutput<T>(
	n8n: N8nInstance,
	executionId: string | undefined,
	nodeName: string,
): Promise<Array<{ json: T }>> {
	const execution = await publicApi<{
		data: {
			resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: T }>> } }>> };
		};
	}>(n8n, `/executions/${executionId}?includeData=true`);
	return execution.data.resultData.runData[nodeName][0].data.main[0];
}

async function callWebhook(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
	const response = await requestJson(url, { method: 'POST', body, idempotent: false });
	return { status: response.status, body: response.body };
}

/** A workflow with only the trigger, created through the public API (not active). */
async function createTriggerWorkflow(
	n8n: N8nInstance,
	name: string,
	webhookId: string,
	registerAs: 'main' | 'extra',
): Promise<string> {
	const workflow = {
		name,
		nodes: [
			{
				id: `${webhookId.slice(0, 8)}-0000-4000-8000-000000000001`,
				name: 'Trigger',
				type: 'n8n-nodes-360dialog.dialog360Trigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { events: ['message'], registerAs },
				credentials: { dialog360Api: { id: 'smokeCredential1', name: '360dialog emulator' } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	return (await publicApi<{ id: string }>(n8n, '/workflows', { method: 'POST', body: workflow }))
		.id;
}

/**
 * n8n 2.40 and later in queue mode start workers without the workflow's static data (the execution
 * keeps only id, name, nodes, connections and settings of the workflow, and the worker reloads static
 * data only for resumed executions: 2.41.1 executions/execution-data/types.js `toWorkflowSnapshot`,
 * workflow-runner.js `shouldReloadStaticData`); 2.8.4 hands it over.
 */
export function workersLoseStaticDataIn(line: N8nLine, mode: 'regular' | 'queue'): boolean {
	const [major, minor] = line.version.split('.').map(Number);
	return mode === 'queue' && (major > 2 || (major === 2 && minor >= 40));
}

export function describeEndToEnd(line: N8nLine, mode: 'regular' | 'queue'): void {
	jest.setTimeout(30 * 60_000);

	const workersLoseStaticData = workersLoseStaticDataIn(line, mode);

	describe(`the package in a real n8n ${line.version} (${mode} mode)`, () => {
		const emulator = new Emulator({ apiKeys: [API_KEY] });
		let n8n: N8nInstance;
		let atOnceDestination: { url: string; headers?: Record<string, string> } | undefined;
		let aiAgentDestination: { url: string; headers?: Record<string, string> } | undefined;
		let answersDestination: { url: string; headers?: Record<string, string> } | undefined;
		let userFolder = '';
		const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-e2e-'));

		beforeAll(async () => {
			const baseUrl = await emulator.start();
			const data = { apiKey: API_KEY, environment: 'custom', baseUrl };
			userFolder = prepareUserFolder(work, line, {
				credentials: [
					{ id: 'smokeCredential1', name: '360dialog emulator', type: 'dialog360Api', data },
					{ id: 'exampleCredential', name: '360dialog', type: 'dialog360Api', data },
				],
				workflows: [
					...WORKFLOWS.map(([file, id]) => ({ file: path.join(__dirname, 'workflows', file), id })),
					...EXAMPLES.map(([file, id]) => ({ file: examplePath(file, work), id })),
				],
			});
			n8n =
				mode === 'queue'
					? await startQueueCluster(userFolder, { line })
					: await startN8n(userFolder, { line });
			// The smoke trigger joined as an extra destination; the other tests deliver to the main URL only.
			atOnceDestination = await waitFor(() =>
				emulator.multiWebhook.destinations.find((destination) =>
					destination.url.includes(AT_ONCE_WEBHOOK_ID),
				),
			);
			aiAgentDestination = await waitFor(() =>
				emulator.multiWebhook.destinations.find((destination) =>
					destination.url.includes(AI_AGENT_WEBHOOK_ID),
				),
			);
			answersDestination = await waitFor(() =>
				emulator.multiWebhook.destinations.find((destination) =>
					destination.url.includes(ANSWERS_WEBHOOK_ID),
				),
			);
			emulator.multiWebhook.enabled = false;
		});

		afterAll(async () => {
			// Kept for a look after a failure (the folder is under the system's temp directory).
			if (n8n) writeFileSync(path.join(work, 'n8n.log'), n8n.logs.join(''));
			await n8n?.stop();
			await emulator.stop();
		});

		it('knows both node types and the credential', async () => {
			const { cookie } = await ownerSession(n8n.url);
			const nodes = (
				await requestJson<
					Array<{
						name: string;
						displayName: string;
						codex?: { categories?: string[]; alias?: string[] };
					}>
				>(`${n8n.url}/types/nodes.json`, { headers: { cookie } })
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
				await requestJson<Array<{ name: string }>>(`${n8n.url}/types/credentials.json`, {
					headers: { cookie },
				})
			).body;
			expect(credentials.map((credential) => credential.name)).toContain('dialog360Api');
		});

		it('passes the credential test against the emulator, and explains a wrong key', async () => {
			const { cookie } = await ownerSession(n8n.url);
			const test = async (apiKey: string) => {
				const response = await requestJson<{ data: { status: string; message: string } }>(
					`${n8n.url}/rest/credentials/test`,
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
			const response = await requestJson(`${n8n.webhookUrl}/webhook/smoke-profile`, {
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

		it('sends a text and a template with generated parameters', async () => {
			emulator.seedTemplates(1, () => ({
				id: 'welcome1',
				name: 'welcome',
				language: 'en',
				components: [{ type: 'BODY', text: 'Welcome {{1}}!' }],
			}));
			const { status, body } = await callWebhook(`${n8n.webhookUrl}/webhook/smoke-messages`, {
				to: '+44 7700 900123',
				name: 'Ada',
			});
			expect(status).toBe(200);
			expect(body).toMatchObject({
				to: '+447700900123',
				waId: '447700900123',
				messageId: expect.stringMatching(/^wamid\./),
				status: 'accepted',
			});
			const [text, template] = emulator.sent;
			expect(text.payload).toMatchObject({
				to: '447700900123',
				type: 'text',
				text: { body: 'Hello Ada' },
			});
			expect(template.payload).toMatchObject({
				type: 'template',
				template: {
					name: 'welcome',
					language: { code: 'en' },
					components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
				},
			});
		});

		it('reads phone numbers with the bundled libphonenumber-js: national forms, a Brazilian legacy wa_id, and a number without a country', async () => {
			const sentBefore = emulator.sent.length;
			const numbers = [
				{ to: '(11) 98765-4321', country: 'BR' },
				{ to: '551187654321' }, // a Brazilian wa_id from before the 9th digit: sent as it is
				{ to: '+55 11 98765-4321' },
				{ to: '07700 900123', country: 'GB' },
				{ to: '07700 900123' },
			];
			const { status, body } = await callWebhook(`${n8n.webhookUrl}/webhook/smoke-phones`, {
				numbers,
			});
			expect(status).toBe(200);
			const outputs = body as Array<{ to?: string; error?: { message: string } }>;
			expect(outputs.slice(0, 4).map((output) => output.to)).toEqual([
				'+5511987654321',
				'+551187654321',
				'+5511987654321',
				'+447700900123',
			]);
			expect(outputs[4].error?.message).toContain('07700 900123');
			// Sent concurrently: they reach the emulator in any order.
			expect(
				emulator.sent
					.slice(sentBefore)
					.map((message) => message.to)
					.sort(),
			).toEqual(['5511987654321', '551187654321', '5511987654321', '447700900123'].sort());
		});

		it('submits a template, and Sync remembers it between executions, or says n8n lost its state', async () => {
			const first = await callWebhook(`${n8n.webhookUrl}/webhook/smoke-templates`, {
				name: 'e2e_first',
			});
			expect(first.status).toBe(200);
			expect(first.body).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ name: 'e2e_first', change: 'new', status: 'SUBMITTED' }),
				]),
			);
			const second = await callWebhook(`${n8n.webhookUrl}/webhook/smoke-templates`, {
				name: 'e2e_second',
			});
			if (workersLoseStaticData) {
				// The worker got no static data: Sync says so instead of calling every template new.
				expect(second.status).toBe(500);
				expect(await lastExecutionError(n8n, 'smokeTemplates01')).toContain(
					'n8n did not give this node the state of its previous sync',
				);
				return;
			}
			const changes = Object.fromEntries(
				(second.body as Array<{ name: string; change: string }>).map((template) => [
					template.name,
					template.change,
				]),
			);
			expect(changes).toMatchObject({ e2e_first: 'unchanged', e2e_second: 'new' });
		});

		it('runs every other operation in one chain: mark as read, list and image sends, media upload, download and delete, template list, get and delete', async () => {
			emulator.seedTemplates(1, () => ({ id: 'ops1', name: 'ops_notice', language: 'de' }));
			const sentBefore = emulator.sent.length;
			const { status, body } = await callWebhook(`${n8n.webhookUrl}/webhook/smoke-operations`, {
				to: '+4915112345678',
				inbound: 'wamid.inbound1',
			});
			expect(status).toBe(200);
			expect(body).toEqual([{ success: true, name: 'ops_notice', deleted: 'all languages' }]);
			expect(
				emulator
					.requestsTo('POST', '/messages')
					.some((request) => (request.body as { status?: string }).status === 'read'),
			).toBe(true);
			expect(
				emulator.sent
					.slice(sentBefore)
					.map((message) => [
						message.payload.type,
						(message.payload.interactive as { type?: string } | undefined)?.type ?? null,
					]),
			).toEqual([
				['interactive', 'list'],
				['image', null],
			]);
			expect(emulator.requestsTo('POST', '/media')).toHaveLength(1);
			expect(emulator.requestsTo('GET', '/whatsapp_business/attachments/')).toHaveLength(1);
			expect(emulator.requestsTo('DELETE', '/')).toHaveLength(2); // the media, then the template
			expect(emulator.media.size).toBe(0);
			expect(emulator.templates.some((template) => template.name === 'ops_notice')).toBe(false);
		});

		it('example auto-reply: the trigger registers on activation; a delivery starts one execution (public API) that replies', async () => {
			expect(emulator.webhook.url).toBe(
				`${n8n.webhookUrl}/webhook/${AUTO_REPLY_WEBHOOK_ID}/webhook`,
			);
			expect(Object.keys(emulator.webhook.headers)).toEqual(['x-n8n-360dialog-secret']);
			const delivery = cloudDelivery({
				contacts: [CONTACT],
				messages: [
					{ ...MESSAGE_FIXTURES.text, id: 'wamid.e2e1' },
					{ ...MESSAGE_FIXTURES.image, id: 'wamid.e2e2' },
				],
			});
			expect(await emulator.deliver(delivery)).toEqual([200]);
			expect(await emulator.deliver(delivery)).toEqual([200]); // a redelivery: acknowledged, no second reply
			const reply = await waitFor(() =>
				emulator.sent.find(
					(message) =>
						(message.payload.context as { message_id?: string } | undefined)?.message_id ===
						'wamid.e2e1',
				),
			);
			expect(reply?.payload).toMatchObject({
				to: '4915112345678',
				text: { body: 'Thanks Ada! We got "hello" and will answer soon.' },
			});
			const wrongSecret = await request(emulator.webhook.url as string, {
				method: 'POST',
				headers: { 'x-n8n-360dialog-secret': 'nope' },
				body: delivery,
			});
			expect(wrongSecret.status).toBe(401);

			// The execution as n8n's public API shows it: one, with the trigger's item for the text message only.
			const executions = await successfulExecutions(n8n, 'exampleAutoReply');
			expect(executions).toHaveLength(1);
			const triggerItems = await nodeOutput<Record<string, unknown>>(
				n8n,
				executions?.[0].id,
				'On WhatsApp text message',
			);
			expect(triggerItems.map((item) => item.json)).toEqual([
				{
					kind: 'message',
					message: { ...MESSAGE_FIXTURES.text, id: 'wamid.e2e1' },
					text: 'hello',
					timestamp: '2023-11-14T22:13:20.000Z',
					contact: {
						key: '4915112345678',
						address: '4915112345678',
						userId: null,
						parentUserId: null,
						username: null,
						phoneNumber: '+4915112345678',
						waId: '4915112345678',
						profileName: 'Ada',
					},
					businessPhoneNumberId: '1234567890',
					businessDisplayPhoneNumber: '4930123456',
					wabaId: 'WABA-1',
				},
			]);
		});

		it('example auto-reply answers a contact who hides their number behind a username, by user ID', async () => {
			emulator.usernameContacts.set(USER_ID, null);
			try {
				expect(
					await emulator.deliver(usernameOnlyMessage('wamid.e2e-username', 'hi there')),
				).toEqual([200]);
				const reply = await waitFor(() =>
					emulator.sent.find(
						(message) =>
							(message.payload.context as { message_id?: string } | undefined)?.message_id ===
							'wamid.e2e-username',
					),
				);
				expect(reply?.payload).toMatchObject({
					recipient: USER_ID,
					text: { body: 'Thanks Ada! We got "hi there" and will answer soon.' },
				});
				expect(reply?.payload).not.toHaveProperty('to');
				// The execution of this delivery, once n8n has stored it as a success.
				const executionId = await waitFor(async () => {
					const executions = (await successfulExecutions(n8n, 'exampleAutoReply')) ?? [];
					for (const execution of executions) {
						const items = await nodeOutput<{ message: { id: string } }>(
							n8n,
							execution.id,
							'On WhatsApp text message',
						);
						if (items[0]?.json.message.id === 'wamid.e2e-username') return execution.id;
					}
					return undefined;
				});
				const items = await nodeOutput<Record<string, unknown>>(
					n8n,
					executionId,
					'On WhatsApp text message',
				);
				expect(items[0].json.contact).toEqual({
					key: USER_ID,
					address: USER_ID,
					userId: USER_ID,
					parentUserId: null,
					username: USERNAME,
					phoneNumber: null,
					waId: null,
					profileName: 'Ada',
				});
				const replied = await nodeOutput<Record<string, unknown>>(n8n, executionId, 'Reply');
				expect(replied[0].json).toMatchObject({
					addressedBy: 'userId',
					userId: USER_ID,
					waId: null,
				});
			} finally {
				emulator.usernameContacts.clear();
			}
		});

		it('a trigger added as an extra destination that acknowledges at once: 200 before the execution, one item per event, redelivery ignored', async () => {
			expect(atOnceDestination?.url).toBe(
				`${n8n.webhookUrl}/webhook/${AT_ONCE_WEBHOOK_ID}/webhook`,
			);
			const target = {
				url: atOnceDestination?.url ?? '',
				headers: atOnceDestination?.headers ?? {},
			};
			const delivery = cloudDelivery({
				contacts: [CONTACT],
				messages: [
					{ ...MESSAGE_FIXTURES.text, id: 'wamid.now1' },
					{ ...MESSAGE_FIXTURES.image, id: 'wamid.now2' },
				],
			});
			expect(await emulator.deliver(delivery, target)).toEqual([200]);
			expect(await emulator.deliver(delivery, target)).toEqual([200]);
			const executions = await successfulExecutions(n8n, 'smokeTriggerNow1');
			expect(executions).toHaveLength(1);
			const triggerItems = await nodeOutput<{ message: { id: string } }>(
				n8n,
				executions?.[0].id,
				'On WhatsApp message',
			);
			expect(triggerItems.map((item) => item.json.message.id)).toEqual([
				'wamid.now1',
				'wamid.now2',
			]);

			// A message a person sent from the WhatsApp Business app: an item of its own kind.
			const echo = cloudDelivery(
				{
					message_echoes: [
						{
							from: '4930123456',
							to: CONTACT.wa_id,
							id: 'wamid.now-echo',
							timestamp: '1700000009',
							type: 'text',
							text: { body: 'A person answers now' },
						},
					],
				},
				'smb_message_echoes',
			);
			expect(await emulator.deliver(echo, target)).toEqual([200]);
			const both = await waitFor(async () => {
				const list = await publicApi<{ data: Array<{ id: string; status: string }> }>(
					n8n,
					'/executions?workflowId=smokeTriggerNow1',
				);
				return list.data.length === 2 && list.data.every((run) => run.status === 'success')
					? list.data
					: undefined;
			});
			const newest = both?.find((run) => run.id !== executions?.[0].id);
			const echoItems = await nodeOutput<Record<string, unknown>>(
				n8n,
				newest?.id,
				'On WhatsApp message',
			);
			expect(echoItems.map((item) => item.json)).toEqual([
				expect.objectContaining({
					kind: 'echo',
					text: 'A person answers now',
					contact: expect.objectContaining({ key: CONTACT.wa_id }),
				}),
			]);
		});

		it('trigger lifecycle: activation and deactivation, of the main URL and of two extra destinations, leave the number as it was', async () => {
			const mainBefore = structuredClone(emulator.webhook);
			const multiBefore = structuredClone(emulator.multiWebhook);
			emulator.multiWebhook = { enabled: false, destinations: [] };
			const toggle = async (id: string, action: 'activate' | 'deactivate') =>
				await publicApi(n8n, `/workflows/${id}/${action}`, { method: 'POST', body: {} });
			const urlOf = (webhookId: string) => `${n8n.webhookUrl}/webhook/${webhookId}/webhook`;
			const extraUrls = () =>
				emulator.multiWebhook.destinations.map((destination) => destination.url).sort();
			try {
				const main = await createTriggerWorkflow(
					n8n,
					'Lifecycle main',
					'b1000000-0000-4000-8000-0000000000b1',
					'main',
				);
				await toggle(main, 'activate');
				expect(
					await waitFor(() =>
						emulator.webhook.url === urlOf('b1000000-0000-4000-8000-0000000000b1')
							? true
							: undefined,
					),
				).toBe(true);
				await toggle(main, 'deactivate');
				expect(
					await waitFor(() => (emulator.webhook.url === mainBefore.url ? true : undefined)),
				).toBe(true);
				expect(emulator.webhook).toEqual(mainBefore);

				const [a, b] = [
					await createTriggerWorkflow(
						n8n,
						'Lifecycle extra A',
						'b2000000-0000-4000-8000-0000000000b2',
						'extra',
					),
					await createTriggerWorkflow(
						n8n,
						'Lifecycle extra B',
						'b3000000-0000-4000-8000-0000000000b3',
						'extra',
					),
				];
				await toggle(a, 'activate');
				await toggle(b, 'activate');
				const both = [
					urlOf('b2000000-0000-4000-8000-0000000000b2'),
					urlOf('b3000000-0000-4000-8000-0000000000b3'),
				].sort();
				expect(await waitFor(() => (extraUrls().join() === both.join() ? true : undefined))).toBe(
					true,
				);
				expect(emulator.multiWebhook.enabled).toBe(true);
				expect(emulator.webhook).toEqual(mainBefore);
				await toggle(a, 'deactivate');
				expect(await waitFor(() => (extraUrls().join() === both[1] ? true : undefined))).toBe(true);
				await toggle(b, 'deactivate');
				expect(
					await waitFor(() =>
						emulator.multiWebhook.destinations.length === 0 && !emulator.multiWebhook.enabled
							? true
							: undefined,
					),
				).toBe(true);
				expect(emulator.webhook).toEqual(mainBefore);
			} finally {
				emulator.multiWebhook = multiBefore;
			}
		});

		it('"Test this trigger": never takes over the main URL, and leaves when the event arrived or the test was stopped', async () => {
			const mainBefore = structuredClone(emulator.webhook);
			const multiBefore = structuredClone(emulator.multiWebhook);
			emulator.multiWebhook = { enabled: false, destinations: [] };
			const { cookie } = await ownerSession(n8n.url);
			const id = await createTriggerWorkflow(
				n8n,
				'Test listen',
				'b4000000-0000-4000-8000-0000000000b4',
				'main',
			);
			const workflowData = (
				await requestJson<{ data: Record<string, unknown> }>(`${n8n.url}/rest/workflows/${id}`, {
					headers: { cookie },
				})
			).body.data;
			const listen = async () => {
				const run = await requestJson<{ data: { waitingForWebhook?: boolean } }>(
					`${n8n.url}/rest/workflows/${id}/run`,
					{
						method: 'POST',
						headers: { cookie },
						body: { workflowData, triggerToStartFrom: { name: 'Trigger' } },
						idempotent: false,
					},
				);
				expect(run.body.data).toEqual({ waitingForWebhook: true });
				const destination = await waitFor(() =>
					emulator.multiWebhook.destinations.find((candidate) =>
						candidate.url.includes('/webhook-test/b4000000-0000-4000-8000-0000000000b4/'),
					),
				);
				expect(destination?.name).toMatch(/^n8n-test-[0-9a-f]{12}$/);
				expect(emulator.webhook).toEqual(mainBefore);
				return destination!;
			};
			const stopTest = async () =>
				await request(`${n8n.url}/rest/test-webhook/${id}`, {
					method: 'DELETE',
					headers: { cookie },
					idempotent: true,
				});
			const left = async () =>
				await waitFor(() =>
					emulator.multiWebhook.destinations.length === 0 && !emulator.multiWebhook.enabled
						? true
						: undefined,
				);
			try {
				const destination = await listen();
				if (mode === 'regular') {
					// The test URL is served by the main process, which queue mode puts behind the webhook process's URL here.
					const [status] = await emulator.deliver(
						cloudDelivery({
							contacts: [CONTACT],
							messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.test-listen' }],
						}),
						{ url: destination.url, headers: destination.headers ?? {} },
					);
					expect(status).toBe(200);
				} else {
					await stopTest();
				}
				expect(await left()).toBe(true);
				expect(emulator.webhook).toEqual(mainBefore);

				await listen();
				await stopTest();
				expect(await left()).toBe(true);
				expect(emulator.webhook).toEqual(mainBefore);
			} finally {
				emulator.multiWebhook = multiBefore;
			}
		});

		it('example AI agent: three messages within the window make one answer, in WhatsApp formatting, after marking read with typing', async () => {
			const ids = ['wamid.ai1', 'wamid.ai2', 'wamid.ai3'];
			const bodies = ['hi', 'I need', 'help with my order'];
			const answers: number[] = [];
			for (const [index, id] of ids.entries())
				answers.push(
					...(await emulator.deliver(
						cloudDelivery({
							contacts: [CONTACT],
							messages: [{ ...MESSAGE_FIXTURES.text, id, text: { body: bodies[index] } }],
						}),
						{ url: aiAgentDestination?.url ?? '', headers: aiAgentDestination?.headers ?? {} },
					)),
				);
			expect(answers).toEqual([200, 200, 200]);
			const reply = await waitFor(() =>
				emulator.sent.find(
					(message) =>
						(message.payload.context as { message_id?: string } | undefined)?.message_id ===
						'wamid.ai3',
				),
			);
			expect(reply?.payload).toMatchObject({
				to: CONTACT.wa_id,
				text: { body: '*Thanks!* You wrote:\n\nhi\nI need\nhelp with my order' },
			});
			const requests = emulator.requestsTo('POST', '/messages').map((request) => request.body);
			const read = requests.findIndex(
				(body) =>
					(body as { message_id?: string }).message_id === 'wamid.ai3' &&
					(body as { typing_indicator?: unknown }).typing_indicator !== undefined,
			);
			const answer = requests.findIndex(
				(body) =>
					(body as { context?: { message_id?: string } }).context?.message_id === 'wamid.ai3',
			);
			expect(read).toBeGreaterThanOrEqual(0);
			expect(read).toBeLessThan(answer);
			const executions = await successfulExecutions(n8n, 'exampleAiAgentReply');
			expect(executions).toHaveLength(1);
			// After the window, a message starts an execution of its own.
			await emulator.deliver(
				cloudDelivery({
					contacts: [CONTACT],
					messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.ai4', text: { body: 'thanks' } }],
				}),
				{ url: aiAgentDestination?.url ?? '', headers: aiAgentDestination?.headers ?? {} },
			);
			const second = await waitFor(() =>
				emulator.sent.find(
					(message) =>
						(message.payload.context as { message_id?: string } | undefined)?.message_id ===
						'wamid.ai4',
				),
			);
			expect(second?.payload).toMatchObject({ text: { body: '*Thanks!* You wrote:\n\nthanks' } });
			expect(
				emulator.sent.filter((message) =>
					ids.includes(
						String((message.payload.context as { message_id?: string } | undefined)?.message_id),
					),
				),
			).toHaveLength(1);
		});

		/**
		 * n8n's "test tool" run of a workflow's tool node: the agent is replaced by its Tool Executor,
		 * given the arguments in `agentRequest`.
		 */
		const runToolTest = async (
			workflowId: string,
			toolNode: string,
			agentRequest: { query: Record<string, unknown>; tool: { name: string } },
		) => {
			const { cookie } = await ownerSession(n8n.url);
			const workflowData = (
				await requestJson<{ data: Record<string, unknown> }>(
					`${n8n.url}/rest/workflows/${workflowId}`,
					{ headers: { cookie } },
				)
			).body.data;
			return await requestJson<{ data: { executionId?: string } }>(
				`${n8n.url}/rest/workflows/${workflowId}/run`,
				{
					method: 'POST',
					headers: { cookie },
					body: {
						workflowData,
						destinationNode: { nodeName: toolNode, mode: 'inclusive' },
						agentRequest,
					},
					idempotent: false,
				},
			);
		};

		// n8n's "test tool" run needs the main process: a worker's job carries no agentRequest (n8n's
		// scaling/job-processor drops it), so in queue mode the check runs in regular mode only.
		(mode === 'regular' ? it : it.skip)(
			'the action node works as an AI Agent tool: $fromAI arguments, run without a language model',
			async () => {
				const run = await runToolTest('smokeAgentTool01', 'Reply_on_WhatsApp', {
					query: {
						Reply_on_WhatsApp: { to: '+49 151 12345678', text: 'Your **order** ships today' },
					},
					tool: { name: '' },
				});
				expect(run.status).toBe(200);
				const sent = await waitFor(() =>
					emulator.sent.find(
						(message) =>
							(message.payload.text as { body?: string } | undefined)?.body ===
							'Your *order* ships today',
					),
				);
				expect(sent?.payload).toMatchObject({ to: '4915112345678', type: 'text' });
			},
		);

		/** Delivers to the example's "Answers From WhatsApp" trigger (an extra destination of the number). */
		const deliverAnswer = async (body: unknown) =>
			await emulator.deliver(body, {
				url: answersDestination?.url ?? '',
				headers: answersDestination?.headers ?? {},
			});

		/**
		 * The executions of a workflow with a status, through the editor's API (n8n 2.8's public API does
		 * not list waiting executions).
		 */
		const executionsOf = async (workflowId: string, status: string) => {
			const { cookie } = await ownerSession(n8n.url);
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const list = await requestJson<{ data: { results: Array<{ id: string; status: string }> } }>(
				`${n8n.url}/rest/executions?filter=${filter}`,
				{ headers: { cookie } },
			);
			return list.body.data.results.filter((execution) => execution.status === status);
		};

		it("example refund approval: the manager's tap resumes the waiting execution; another contact's tap and a replayed tap resume nothing", async () => {
			expect(answersDestination).toBeDefined();
			const started = await callWebhook(`${n8n.webhookUrl}/webhook/refund-request`, {
				order: '#1042',
				amount: '25.00 EUR',
				reason: 'arrived broken',
				customer: '+49 151 12345678',
				manager: '+44 7700 900123',
			});
			expect(started.status).toBe(200);
			const question = await waitFor(() =>
				emulator.sent.find(
					(message) => message.to === '447700900123' && asksAbout(message, '#1042'),
				),
			);
			const buttons = replyButtonsOf(question?.payload ?? {});
			expect(buttons.map((button) => button.title)).toEqual(['✓ Refund', '✗ Decline']);
			const [approve] = buttons;
			expect(approve.id.length).toBeLessThanOrEqual(256);
			const waiting = await waitFor(async () => {
				const list = await executionsOf('exampleRefundOkay', 'waiting');
				return list.length ? list : undefined;
			});
			expect(waiting).toHaveLength(1);
			const refunds = () =>
				emulator.sent.filter((message) =>
					String((message.payload.text as { body?: string } | undefined)?.body).includes('refund'),
				);

			// Another contact taps the same button (a forwarded or forged tap): n8n's signature check fails.
			expect(
				await deliverAnswer(
					buttonTap('wamid.tapOther', approve, { waId: '4915199999999' }, question?.id ?? ''),
				),
			).toEqual([200]);
			expect(await executionsOf('exampleRefundOkay', 'waiting')).toHaveLength(1);

			// The manager taps Refund: the execution resumes and tells the customer.
			expect(
				await deliverAnswer(
					buttonTap('wamid.tapManager', approve, { waId: '447700900123' }, question?.id ?? ''),
				),
			).toEqual([200]);
			const told = await waitFor(() => (refunds().length ? refunds() : undefined));
			expect(told?.[0]).toMatchObject({ to: '4915112345678' });
			expect(String((told?.[0].payload.text as { body: string }).body)).toContain('Good news');
			const executions = await successfulExecutions(n8n, 'exampleRefundOkay');
			expect(executions).toHaveLength(1);
			const [answer] = await nodeOutput<Record<string, unknown>>(
				n8n,
				executions?.[0].id,
				'Ask the Manager',
			);
			expect(answer.json).toMatchObject({
				timedOut: false,
				answer: 'approve',
				approved: true,
				text: '✓ Refund',
				respondedBy: { waId: '447700900123', phoneNumber: '+447700900123' },
				answerMessageId: 'wamid.tapManager',
				questionMessageId: question?.id,
			});

			// The same tap again (a new message) and the same delivery again change nothing.
			const decline = buttons[1];
			await deliverAnswer(
				buttonTap('wamid.tapAgain', decline, { waId: '447700900123' }, question?.id ?? ''),
			);
			await deliverAnswer(
				buttonTap('wamid.tapManager', approve, { waId: '447700900123' }, question?.id ?? ''),
			);
			expect(refunds()).toHaveLength(1);
			expect(await successfulExecutions(n8n, 'exampleRefundOkay')).toHaveLength(1);
			expect(await executionsOf('exampleRefundOkay', 'waiting')).toHaveLength(0);
		});

		// n8n builds a Human in the Loop tool from every node with a Send and Wait operation. Its "test
		// tool" run (regular mode only, as above) sends the question, waits, and runs the gated tool
		// once the manager approves in WhatsApp. n8n 2.8.4 as npm installs it ran no gated tool of any
		// Human in the Loop node there (the run succeeds with an empty item; likely because n8n-core and
		// n8n's LangChain nodes each carry their own copy of @langchain/core, which fails the Tool
		// Executor's instanceof check); hence the current line only.
		(mode === 'regular' && line === N8N_LINES.current ? it : it.skip)(
			"Send and Wait as n8n's Human in the Loop tool: the manager's approval in WhatsApp lets the agent's tool run, a decline does not",
			async () => {
				expect(answersDestination).toBeDefined();
				/** n8n's "test tool" run of the gated tool with this reply; the manager taps `choice`. */
				const askAndTap = async (reply: string, choice: 0 | 1) => {
					const run = await runToolTest('smokeAgentHitl01', 'Ask_the_Manager', {
						query: {
							Reply_on_WhatsApp: { to: '+49 151 12345678', text: reply },
							Ask_the_Manager: {},
						},
						tool: { name: 'Reply_on_WhatsApp' },
					});
					expect(run.status).toBe(200);
					const question = await waitFor(() =>
						emulator.sent.find(
							(message) => message.to === '447700900123' && asksAbout(message, reply),
						),
					);
					const buttons = replyButtonsOf(question?.payload ?? {});
					expect(buttons.map((button) => button.title)).toEqual(['✓ Approve', '✗ Decline']);
					expect(
						await waitFor(async () =>
							(await executionsOf('smokeAgentHitl01', 'waiting')).length ? true : undefined,
						),
					).toBe(true);
					// Nothing reaches the customer before the manager answers.
					expect(sentTexts(reply)).toHaveLength(0);
					expect(
						await deliverAnswer(
							buttonTap(
								`wamid.hitl.${choice}.${reply.replace(/\W/g, '')}`,
								buttons[choice],
								{ waId: '447700900123' },
								question?.id ?? '',
							),
						),
					).toEqual([200]);
					expect(
						await waitFor(async () =>
							(await executionsOf('smokeAgentHitl01', 'waiting')).length ? undefined : true,
						),
					).toBe(true);
				};
				const sentTexts = (text: string) =>
					emulator.sent.filter(
						(message) => (message.payload.text as { body?: string } | undefined)?.body === text,
					);

				await askAndTap('Approved by a human', 0);
				const sent = await waitFor(() =>
					sentTexts('Approved by a human').length ? sentTexts('Approved by a human') : undefined,
				);
				expect(sent?.[0]).toMatchObject({ to: '4915112345678' });

				await askAndTap('Declined by a human', 1);
				// Both runs finished (the second with the agent told that the manager declined), and the
				// declined reply was never sent.
				expect(
					await waitFor(async () =>
						(await executionsOf('smokeAgentHitl01', 'success')).length === 2 ? true : undefined,
					),
				).toBe(true);
				expect(sentTexts('Declined by a human')).toHaveLength(0);
			},
		);

		it('Send and Wait for a text answer: the next text of the contact (a username contact by user ID) resumes the execution, and an unanswered question times out', async () => {
			expect(answersDestination).toBeDefined();
			const ask = async (to: string, question: string, waitSeconds: number) => {
				const response = await callWebhook(`${n8n.webhookUrl}/webhook/ask-and-wait`, {
					to,
					question,
					waitSeconds,
				});
				expect(response.status).toBe(200);
				return await waitFor(() =>
					emulator.sent.find(
						(message) => (message.payload.text as { body?: string } | undefined)?.body === question,
					),
				);
			};
			const answered = await ask(USER_ID, 'Which day suits you for the delivery?', 600);
			expect(answered?.payload).toMatchObject({ recipient: USER_ID, type: 'text' });
			expect(String(answered?.payload.biz_opaque_callback_data)).toMatch(/^n8nwait:u:t:/);
			// WhatsApp's status of the question tells the trigger that a text of this contact is an answer.
			expect(await deliverAnswer(emulator.statusDelivery(answered?.id ?? '', 'sent'))).toEqual([
				200,
			]);
			expect(
				await deliverAnswer(textFrom('wamid.dayAnswer', 'Friday after 3 pm', { userId: USER_ID })),
			).toEqual([200]);
			const resumed = await waitFor(async () => {
				const list = await publicApi<{ data: Array<{ id: string; status: string }> }>(
					n8n,
					`/executions?workflowId=smokeWaitText001&status=success`,
				);
				return list.data.length ? list.data : undefined;
			});
			const [output] = await nodeOutput<Record<string, unknown>>(
				n8n,
				resumed?.[0].id,
				'Wait for Text',
			);
			expect(output.json).toMatchObject({
				timedOut: false,
				answer: 'text',
				approved: null,
				text: 'Friday after 3 pm',
				respondedBy: { userId: USER_ID },
				answerMessageId: 'wamid.dayAnswer',
			});

			// No answer within its limit: n8n continues the execution, and the output says so.
			const unanswered = await ask('+49 151 12345678', 'Still there?', 2);
			const timedOut = await waitFor(async () => {
				const list = await publicApi<{ data: Array<{ id: string; status: string }> }>(
					n8n,
					`/executions?workflowId=smokeWaitText001&status=success`,
				);
				return list.data.length === 2 ? list.data : undefined;
			}, 150_000);
			expect(timedOut).toHaveLength(2);
			const newest = timedOut?.find((execution) => execution.id !== resumed?.[0].id);
			const [late] = await nodeOutput<Record<string, unknown>>(n8n, newest?.id, 'Wait for Text');
			expect(late.json).toMatchObject({
				timedOut: true,
				answer: null,
				question: { messageId: unanswered?.id },
			});
		});

		it('example auto-reply: when the 24-hour window has closed, the error output sends the template', async () => {
			emulator.seedTemplates(1, () => ({
				id: 'welcomeBack',
				name: 'welcome_back',
				language: 'en',
				components: [{ type: 'BODY', text: 'Welcome back {{1}}!' }],
			}));
			emulator.closedWindows.add(CONTACT.wa_id);
			try {
				await emulator.deliver(
					cloudDelivery({
						contacts: [CONTACT],
						messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.e2e-late' }],
					}),
				);
				const template = await waitFor(() =>
					emulator.sent.find(
						(message) =>
							message.payload.type === 'template' &&
							(message.payload.template as { name: string }).name === 'welcome_back',
					),
				);
				expect(template?.payload).toMatchObject({
					to: '4915112345678',
					template: {
						language: { code: 'en' },
						components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
					},
				});
			} finally {
				emulator.closedWindows.clear();
			}
		});

		it('example nightly sync: on its schedule, new templates come out as new once, then runs show no changes (or say the state was lost)', async () => {
			type Execution = {
				id: string;
				status: string;
				data?: {
					resultData: {
						runData: Record<
							string,
							Array<{ data: { main: Array<Array<{ json: { name?: string; change?: string } }>> } }>
						>;
					};
				};
			};
			const successes = async () =>
				(
					await publicApi<{ data: Execution[] }>(
						n8n,
						'/executions?workflowId=exampleNightlySync&includeData=true&limit=250',
					)
				).data
					.filter((execution) => execution.status === 'success')
					.sort((a, b) => Number(a.id) - Number(b.id));
			const outputOf = (execution: Execution) =>
				execution.data?.resultData.runData['Templates that changed'][0].data.main[0] ?? [];
			if (workersLoseStaticData) {
				// Every run after the first completed one stops with the explanation, not with a list of "new".
				const failures = await waitFor(async () => {
					const list = (
						await publicApi<{ data: Execution[] }>(
							n8n,
							'/executions?workflowId=exampleNightlySync&status=error&limit=250',
						)
					).data;
					return list.length >= 2 ? list : undefined;
				}, 60_000);
				expect(failures?.length).toBeGreaterThanOrEqual(2);
				expect(await lastExecutionError(n8n, 'exampleNightlySync')).toContain(
					'n8n did not give this node the state of its previous sync',
				);
				return;
			}
			const seen = new Set((await successes()).map((execution) => execution.id));
			emulator.seedTemplates(2, (index) => ({ id: `nightly${index}`, name: `nightly_${index}` }));
			// Runs after the new templates appeared: one that lists them, then two with nothing new.
			const later = async () => (await successes()).filter((execution) => !seen.has(execution.id));
			const runs =
				(await waitFor(async () => {
					const list = await later();
					const first = list.findIndex((execution) =>
						outputOf(execution).some((item) => item.json.name === 'nightly_0'),
					);
					return first >= 0 && list.length >= first + 3 ? list.slice(first) : undefined;
				}, 60_000)) ?? [];
			expect(runs.length).toBeGreaterThanOrEqual(3);
			expect(
				outputOf(runs[0])
					.filter((item) => item.json.name?.startsWith('nightly_'))
					.map((item) => [item.json.name, item.json.change]),
			).toEqual([
				['nightly_0', 'new'],
				['nightly_1', 'new'],
			]);
			// The previous run's state is kept by n8n between scheduled runs: nothing is new twice.
			expect(runs.slice(1).map(outputOf)).toEqual(runs.slice(1).map(() => []));
		});

		it('example profile form: a submitted form updates the business profile', async () => {
			const form = new FormData();
			form.append('field-0', 'Open 9–5, Monday to Friday');
			form.append('field-1', 'Bikes, repairs and rentals');
			form.append('field-2', 'shop@example.com');
			const response = await request(`${n8n.webhookUrl}/form/${FORM_WEBHOOK_ID}`, {
				method: 'POST',
				body: form,
			});
			expect(response.status).toBe(200);
			await waitFor(() =>
				emulator.profile.about === 'Open 9–5, Monday to Friday' ? true : undefined,
			);
			expect(emulator.profile).toMatchObject({
				about: 'Open 9–5, Monday to Friday',
				description: 'Bikes, repairs and rentals',
				email: 'shop@example.com',
			});
		});

		it('starts no execution for 1,000 hostile requests and keeps answering', async () => {
			const { cookie } = await ownerSession(n8n.url);
			const executions = async () => {
				const response = await requestJson<{ data: { count: number } }>(
					`${n8n.url}/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: 'exampleAutoReply' }))}`,
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
			expect((await request(`${n8n.url}/healthz`)).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(await executions()).toBe(before);
			expect(emulator.sent.length).toBe(repliesBefore);
			recordFigure(
				`hostile trigger input, n8n ${line.version} ${mode} mode`,
				`hostile trigger input: 1000 requests, answers ${JSON.stringify(statuses)}, executions started 0`,
			);
		});

		if (mode === 'queue') {
			it('ran the executions on the worker, and received webhooks in the webhook process', () => {
				const logs = n8n.logs.join('');
				expect(logs).toMatch(/\[worker\][^\n]*Worker started execution/);
				expect(n8n.webhookUrl).not.toBe(n8n.url);
			});
		}

		// Regular mode restarts its one process on the same port; a queue cluster's resume path (the
		// webhook process reading the execution from the database) is the one the tests above use. It
		// runs late: a restart empties the trigger's memory of deliveries seen (per process).
		(mode === 'regular' ? it : it.skip)(
			'a waiting execution survives a restart of n8n: the tap after it resumes it',
			async () => {
				await callWebhook(`${n8n.webhookUrl}/webhook/refund-request`, {
					order: '#2077',
					amount: '9.90 EUR',
					reason: 'late',
					customer: '+49 151 12345678',
					manager: '+44 7700 900123',
				});
				const question = await waitFor(() =>
					emulator.sent.find((message) => asksAbout(message, '#2077')),
				);
				expect(
					await waitFor(async () =>
						(await executionsOf('exampleRefundOkay', 'waiting')).length === 1 ? true : undefined,
					),
				).toBe(true);
				const decline = replyButtonsOf(question?.payload ?? {})[1];

				const { port, logs } = n8n;
				await n8n.stop();
				n8n = await startN8n(userFolder, { line, port });
				// The key check at the end reads the log of both runs.
				n8n.logs.unshift(...logs);

				expect(
					await deliverAnswer(
						buttonTap('wamid.afterRestart', decline, { waId: '447700900123' }, question?.id ?? ''),
					),
				).toEqual([200]);
				const told = await waitFor(() =>
					emulator.sent.find((message) =>
						String((message.payload.text as { body?: string } | undefined)?.body).includes(
							'#2077 was not approved',
						),
					),
				);
				expect(told).toMatchObject({ to: '4915112345678' });
			},
		);

		it('never writes the API key into its log or into anything it stores (executions included)', async () => {
			assertNoSentinel("n8n's log", n8n.logs.join(''));
			// Everything n8n keeps in its folder (database, write-ahead log, event log, binary storage),
			// but the installed packages.
			const stored = path.join(work, 'user', '.n8n');
			const read = () =>
				readdirSync(stored, { recursive: true, withFileTypes: true })
					.filter(
						(entry) =>
							entry.isFile() &&
							!path.join(entry.parentPath, entry.name).includes(`${path.sep}nodes${path.sep}`),
					)
					.map((entry) => ({
						file: path.join(entry.parentPath, entry.name),
						text: readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'),
					}));
			// The scan covers stored executions: wait (bounded) until the trigger workflow's execution (its wamid) is stored.
			const files =
				(await waitFor(() => {
					const all = read();
					return all.some((entry) => entry.text.includes('"wamid.e2e1"')) ? all : undefined;
				})) ?? read();
			expect(files.some((entry) => entry.text.includes('"wamid.e2e1"'))).toBe(true);
			for (const entry of files) assertNoSentinel(entry.file, entry.text);
			expect(readFileSync(path.join(work, 'credentials.json'), 'utf8')).toContain(API_KEY); // the check can fail
		});
	});
}
