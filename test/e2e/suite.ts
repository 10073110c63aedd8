/**
 * The end-to-end suite, run for each n8n line and mode by the *.test.ts files next to it: a real n8n
 * (installed once into the cache) loads the packed package the way it installs community packages,
 * knows both node types and the credential, tests the credential against the emulator, runs the
 * workflows under workflows/ and examples/, and receives deliveries through the activated trigger.
 * One n8n per line and mode per jest file: the feature files under features/ register their tests
 * inside the one describe below, in the order they run, and reach n8n, the emulator and the trigger
 * destinations through the context (harness.ts; set in beforeAll, the restart test replaces n8n).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Emulator } from '../emulator/server';
import {
	ownerSession,
	prepareUserFolder,
	startInMode,
	type N8nInstance,
	type N8nLine,
} from '../n8n/n8nHost';
import { requestJson } from '../support/http';
import { accountTests } from './features/account';
import { aiFlowsTests } from './features/aiFlows';
import { basicsTests, queueModeTests } from './features/basics';
import { autoReplyExampleTests, moreExampleTests } from './features/examples';
import { flowsTests } from './features/flows';
import { marketingTests } from './features/marketing';
import { messagesTests, otherOperationsTests } from './features/messages';
import { apiKeyTests, hostileInputTests } from './features/security';
import { sendAndWaitTests, waitAcrossRestartTests } from './features/sendAndWait';
import { templateLibraryTests } from './features/templateLibrary';
import { templatesTests } from './features/templates';
import { triggerTests } from './features/trigger';
import {
	AI_AGENT_WEBHOOK_ID,
	ANSWERS_WEBHOOK_ID,
	API_KEY,
	AT_ONCE_WEBHOOK_ID,
	EXAMPLES,
	UNPUBLISHED_AT_START,
	examplePath,
	waitFor,
	workersLoseStaticDataIn,
	WORKFLOWS,
	type E2eContext,
} from './harness';

export function describeEndToEnd(line: N8nLine, mode: 'regular' | 'queue'): void {
	jest.setTimeout(30 * 60_000);

	describe(`the package in a real n8n ${line.version} (${mode} mode)`, () => {
		const emulator = new Emulator({ apiKeys: [API_KEY] });
		const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-e2e-'));
		const ctx: E2eContext = {
			line,
			mode,
			emulator,
			work,
			workersLoseStaticData: workersLoseStaticDataIn(line, mode),
			n8n: undefined as unknown as N8nInstance, // set in beforeAll
			userFolder: '',
			atOnceDestination: undefined,
			aiAgentDestination: undefined,
			answersDestination: undefined,
			runToolTest: async (workflowId, toolNode, agentRequest) => {
				const { cookie } = await ownerSession(ctx.n8n.url);
				const workflowData = (
					await requestJson<{ data: Record<string, unknown> }>(
						`${ctx.n8n.url}/rest/workflows/${workflowId}`,
						{ headers: { cookie } },
					)
				).body.data;
				return await requestJson<{ data: { executionId?: string } }>(
					`${ctx.n8n.url}/rest/workflows/${workflowId}/run`,
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
			},
			deliverAnswer: async (body) =>
				await emulator.deliver(body, {
					url: ctx.answersDestination?.url ?? '',
					headers: ctx.answersDestination?.headers ?? {},
				}),
			executionsOf: async (workflowId, status) => {
				const { cookie } = await ownerSession(ctx.n8n.url);
				const filter = encodeURIComponent(JSON.stringify({ workflowId }));
				const list = await requestJson<{
					data: { results: Array<{ id: string; status: string }> };
				}>(`${ctx.n8n.url}/rest/executions?filter=${filter}`, { headers: { cookie } });
				return list.body.data.results.filter((execution) => execution.status === status);
			},
		};

		beforeAll(async () => {
			const baseUrl = await emulator.start();
			const data = { apiKey: API_KEY, environment: 'custom', baseUrl };
			ctx.userFolder = prepareUserFolder(work, line, {
				credentials: [
					{ id: 'smokeCredential1', name: '360dialog emulator', type: 'dialog360Api', data },
					{ id: 'exampleCredential', name: '360dialog', type: 'dialog360Api', data },
				],
				workflows: [
					...WORKFLOWS.map(([file, id]) => ({ file: path.join(__dirname, 'workflows', file), id })),
					...EXAMPLES.map(([file, id]) => ({
						file: examplePath(file, work),
						id,
						publish: !UNPUBLISHED_AT_START.has(id),
					})),
				],
			});
			ctx.n8n = await startInMode(ctx.userFolder, line, mode);
			// The smoke trigger joined as an extra destination; the other tests deliver to the main URL only.
			ctx.atOnceDestination = await waitFor(() =>
				emulator.multiWebhook.destinations.find((destination) =>
					destination.url.includes(AT_ONCE_WEBHOOK_ID),
				),
			);
			ctx.aiAgentDestination = await waitFor(() =>
				emulator.multiWebhook.destinations.find((destination) =>
					destination.url.includes(AI_AGENT_WEBHOOK_ID),
				),
			);
			ctx.answersDestination = await waitFor(() =>
				emulator.multiWebhook.destinations.find((destination) =>
					destination.url.includes(ANSWERS_WEBHOOK_ID),
				),
			);
			emulator.multiWebhook.enabled = false;
		});

		afterAll(async () => {
			// Kept for a look after a failure (the folder is under the system's temp directory).
			if (ctx.n8n) writeFileSync(path.join(work, 'n8n.log'), ctx.n8n.logs.join(''));
			await ctx.n8n?.stop();
			await emulator.stop();
		});

		basicsTests(ctx);
		messagesTests(ctx);
		templatesTests(ctx);
		templateLibraryTests(ctx);
		otherOperationsTests(ctx);
		accountTests(ctx);
		autoReplyExampleTests(ctx);
		triggerTests(ctx);
		aiFlowsTests(ctx);
		sendAndWaitTests(ctx);
		flowsTests(ctx);
		moreExampleTests(ctx);
		marketingTests(ctx);
		hostileInputTests(ctx);
		queueModeTests(ctx);
		waitAcrossRestartTests(ctx);
		apiKeyTests(ctx);
	});
}
