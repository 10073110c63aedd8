/**
 * The end-to-end harness the feature files share (suite.ts runs them for each n8n line and mode):
 * the workflows and examples n8n starts with, the context a feature file's tests get (the n8n
 * instance, the emulator, the trigger destinations, set in beforeAll), and the helpers that read
 * n8n through its public and editor APIs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Emulator, SentMessage } from '../emulator/server';
import { ownerSession, type N8nInstance, type N8nLine } from '../n8n/n8nHost';
import { requestJson } from '../support/http';
import { pollUntil } from '../support/poll';
import { SENTINEL_API_KEY } from '../support/sentinel';

export const API_KEY = SENTINEL_API_KEY;
export const WORKFLOWS: Array<[file: string, id: string]> = [
	['profile-smoke.json', 'smokeProfile0001'],
	['messages-smoke.json', 'smokeMessages001'],
	['templates-smoke.json', 'smokeTemplates01'],
	['operations-smoke.json', 'smokeOperations1'],
	['trigger-at-once-smoke.json', 'smokeTriggerNow1'],
	['phone-smoke.json', 'smokePhones00001'],
	['tool-smoke.json', 'smokeAgentTool01'],
	['wait-smoke.json', 'smokeWaitText001'],
	['hitl-smoke.json', 'smokeAgentHitl01'],
	['template-library-smoke.json', 'smokeTplLibrary1'],
];
/** The examples users import; the suite imports and runs each. */
export const EXAMPLES: Array<[file: string, id: string]> = [
	['auto-reply-with-template-fallback.json', 'exampleAutoReply'],
	['nightly-template-sync.json', 'exampleNightlySync'],
	['profile-update-from-form.json', 'exampleProfileForm'],
	['ai-agent-reply.json', 'exampleAiAgentReply'],
	['refund-approval.json', 'exampleRefundOkay'],
	['marketing-campaign-mm-lite.json', 'exampleMmLiteCamp'],
	['lead-form.json', 'exampleLeadForm1'],
];
/**
 * Examples imported but not published at the start: the number has room for 3 extra webhook
 * destinations, taken by the at-once smoke trigger and the AI and refund examples; the marketing test
 * makes room for its example's trigger itself.
 */
export const UNPUBLISHED_AT_START = new Set(['exampleMmLiteCamp']);
const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');
/**
 * The example as users import it, except that the nightly template trigger polls every minute here
 * (n8n refuses polls more often than once a minute: 2.41 n8n-workflow `isSubMinuteCron`, 2.8
 * active-workflows.js), the AI example's agent is a fixed reply (no language model): its chat
 * model node is left out, and the lead form's trigger is left out: the number's three extra
 * destinations are taken by the other workflows' triggers, and the refund example's trigger hands
 * the form over.
 */
export function examplePath(file: string, work: string): string {
	const adapted = ['nightly-template-sync.json', 'ai-agent-reply.json', 'lead-form.json'];
	if (!adapted.includes(file)) return path.join(EXAMPLES_DIR, file);
	const workflow = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
		nodes: Array<{
			name: string;
			type: string;
			typeVersion: number;
			parameters: Record<string, unknown>;
		}>;
		connections: Record<string, unknown>;
	};
	if (file === 'nightly-template-sync.json') {
		const trigger = workflow.nodes.find(
			(node) => node.type === 'n8n-nodes-360dialog.dialog360TemplateTrigger',
		);
		if (!trigger) throw new Error('the nightly example has no Template Changes trigger');
		trigger.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	} else if (file === 'lead-form.json') {
		workflow.nodes = workflow.nodes.filter((node) => node.name !== 'Answers From WhatsApp');
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
export const AI_AGENT_WEBHOOK_ID = 'c1000000-0000-4000-8000-0000000000cc';
export const AUTO_REPLY_WEBHOOK_ID = 'a1000000-0000-4000-8000-0000000000aa';
export const AT_ONCE_WEBHOOK_ID = '6f1c2b8e-0005-4f7a-8f43-0000000000a1';
export const FORM_WEBHOOK_ID = 'c3000000-0000-4000-8000-0000000000cc';
export const ANSWERS_WEBHOOK_ID = 'd1000000-0000-4000-8000-0000000000dd';

/** Polls (bounded) until `probe` gives something other than undefined. */
export async function waitFor<T>(
	probe: () => T | undefined | Promise<T | undefined>,
	timeoutMs = 30_000,
): Promise<T | undefined> {
	return await pollUntil(probe, { timeoutMs, intervalMs: 200 });
}

/** Whether a sent message is an interactive question whose body mentions `text`. */
export function asksAbout(message: SentMessage, text: string): boolean {
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
export async function successfulExecutions(
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
export async function nodeOutput<T>(
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

export async function callWebhook(
	url: string,
	body: unknown,
): Promise<{ status: number; body: unknown }> {
	const response = await requestJson(url, { method: 'POST', body, idempotent: false });
	return { status: response.status, body: response.body };
}

/** A workflow with only the trigger, created through the public API (not active). */
export async function createTriggerWorkflow(
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

type Destination = { url: string; headers?: Record<string, string> };

/** What the feature files' tests share: fixed when they register, or (n8n, destinations) set in beforeAll. */
export interface E2eContext {
	readonly line: N8nLine;
	readonly mode: 'regular' | 'queue';
	readonly emulator: Emulator;
	/** The temporary folder of this run (n8n's user folder, its log, the credentials file). */
	readonly work: string;
	/**
	 * n8n 2.40 in queue mode starts workers without the workflow's static data (its execution snapshot
	 * leaves it out, and the worker does not reload it for new executions); 2.8.4 hands it over.
	 */
	readonly workersLoseStaticData: boolean;
	n8n: N8nInstance;
	userFolder: string;
	atOnceDestination: Destination | undefined;
	aiAgentDestination: Destination | undefined;
	answersDestination: Destination | undefined;
	/**
	 * n8n's "test tool" run of a workflow's tool node: the agent is replaced by its Tool Executor,
	 * given the arguments in `agentRequest`.
	 */
	runToolTest(
		workflowId: string,
		toolNode: string,
		agentRequest: { query: Record<string, unknown>; tool: { name: string } },
	): ReturnType<typeof requestJson<{ data: { executionId?: string } }>>;
	/** Delivers to the example's "Answers From WhatsApp" trigger (an extra destination of the number). */
	deliverAnswer(body: unknown): ReturnType<Emulator['deliver']>;
	/**
	 * The executions of a workflow with a status, through the editor's API (n8n 2.8's public API does
	 * not list waiting executions).
	 */
	executionsOf(workflowId: string, status: string): Promise<Array<{ id: string; status: string }>>;
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
