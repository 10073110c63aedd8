/**
 * The nightly template sync example (examples/nightly-template-sync.json: the 360dialog Template
 * Changes trigger) as users run it, its trigger polling every minute (the shortest n8n allows): a
 * manual test first, then activation, scheduled polls with a template changed in between, another
 * manual test, and a restart of n8n. n8n runs pollers in its main process in every mode (queue-mode
 * workers only run the executions a poll starts), so this holds where Template › Sync on a schedule
 * does not (n8n 2.40+ in queue mode). Called from the per-line and per-mode *.test.ts files next to
 * it; its own n8n, so that the workflow is still inactive for the first manual test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Emulator } from '../emulator/server';
import { requestJson } from '../support/http';
import { SENTINEL_API_KEY } from '../support/sentinel';
import {
	ownerSession,
	prepareUserFolder,
	startInMode,
	startN8n,
	type N8nInstance,
	type N8nLine,
} from '../n8n/n8nHost';
import { examplePath, publicApi, waitFor } from './harness';

const WORKFLOW_ID = 'exampleNightlySync';
const TRIGGER = 'Templates that changed';
/** One minute between polls, plus the time a loaded machine takes to start the execution. */
const NEXT_POLL_MS = 150_000;

interface Execution {
	id: string;
	mode: string;
	status: string;
	data?: {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main: Array<Array<{ json: { name?: string; change?: string } }>> } }>
			>;
		};
	};
}

/** What the trigger emitted in an execution: [name, change] per template. */
function changesIn(execution: Execution): Array<[string | undefined, string | undefined]> {
	const items = execution.data?.resultData.runData[TRIGGER]?.[0]?.data?.main[0] ?? [];
	return items.map((item) => [item.json.name, item.json.change]);
}

const finished = (execution: Execution) =>
	!['new', 'running', 'waiting'].includes(execution.status);

export function describeTemplateSync(line: N8nLine, mode: 'regular' | 'queue'): void {
	jest.setTimeout(30 * 60_000);

	describe(`Template Changes trigger on a schedule after manual tests: n8n ${line.version} (${mode} mode)`, () => {
		const emulator = new Emulator({ apiKeys: [SENTINEL_API_KEY] });
		const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-sync-'));
		let n8n: N8nInstance;
		let userFolder = '';

		beforeAll(async () => {
			const baseUrl = await emulator.start();
			emulator.seedTemplates(3, (index) => ({ id: `sync${index}`, name: `sync_${index}` }));
			const data = { apiKey: SENTINEL_API_KEY, environment: 'custom', baseUrl };
			userFolder = prepareUserFolder(work, line, {
				credentials: [{ id: 'exampleCredential', name: '360dialog', type: 'dialog360Api', data }],
				workflows: [
					{
						file: examplePath('nightly-template-sync.json', work),
						id: WORKFLOW_ID,
						publish: false,
					},
				],
			});
			n8n = await startInMode(userFolder, line, mode);
		});

		afterAll(async () => {
			if (n8n) writeFileSync(path.join(work, 'n8n.log'), n8n.logs.join(''));
			await n8n?.stop();
			await emulator.stop();
		});

		const executions = async () =>
			(
				await publicApi<{ data: Execution[] }>(
					n8n,
					`/executions?workflowId=${WORKFLOW_ID}&includeData=true&limit=250`,
				)
			).data.sort((a, b) => Number(a.id) - Number(b.id));

		/** The finished executions the trigger started after `after`, once one emitted something. */
		const emittedAfter = async (after: number) =>
			(await waitFor(async () => {
				const runs = (await executions()).filter(
					(execution) => execution.mode === 'trigger' && Number(execution.id) > after,
				);
				return runs.length > 0 && runs.every(finished) ? runs : undefined;
			}, NEXT_POLL_MS)) ?? [];

		/** The workflow as n8n keeps it (the editor's API), static data included. */
		const savedWorkflow = async () => {
			const { cookie } = await ownerSession(n8n.url);
			return (
				await requestJson<{ data: Record<string, unknown> }>(
					`${n8n.url}/rest/workflows/${WORKFLOW_ID}`,
					{ headers: { cookie } },
				)
			).body.data;
		};

		/** "Fetch Test Event" on the trigger, as the editor sends it (without static data). */
		const testByHand = async () => {
			const { cookie } = await ownerSession(n8n.url);
			const workflowData = await savedWorkflow();
			delete workflowData.staticData;
			const run = await requestJson<{ data: { executionId?: string } }>(
				`${n8n.url}/rest/workflows/${WORKFLOW_ID}/run`,
				{
					method: 'POST',
					headers: { cookie },
					body: { workflowData, triggerToStartFrom: { name: TRIGGER } },
					idempotent: false,
				},
			);
			const id = run.body.data?.executionId;
			expect(id).toBeDefined();
			return await waitFor(async () => {
				const execution = await publicApi<Execution>(n8n, `/executions/${id}?includeData=true`);
				return finished(execution) ? execution : undefined;
			}, 120_000);
		};

		const templateLists = () => emulator.requestsTo('GET', '/v1/configs/templates').length;
		const allAre = (change: string) => [0, 1, 2].map((index) => [`sync_${index}`, change]);

		it('a manual test, activation, then scheduled polls with a template changed in between: the change comes out once, and a manual test changes nothing', async () => {
			const manual = await testByHand();
			expect(manual?.status).toBe('success');
			expect(changesIn(manual!)).toEqual(allAre('new'));
			expect(JSON.stringify((await savedWorkflow()).staticData ?? {})).not.toContain('sync_0|en');

			await publicApi(n8n, `/workflows/${WORKFLOW_ID}/activate`, { method: 'POST', body: {} });
			// The poll on activation records the templates, saved with the workflow, and starts nothing.
			const state = await waitFor(async () => {
				const text = JSON.stringify((await savedWorkflow()).staticData ?? {});
				return text.includes('sync_2|en') ? text : undefined;
			}, 120_000);
			expect(state).toBeDefined();
			// The first scheduled poll (a list after the activation's), then a change for the next one.
			const listed = templateLists();
			await waitFor(() => (templateLists() > listed ? true : undefined), NEXT_POLL_MS);
			emulator.templates[1].status = 'rejected';
			const runs = await emittedAfter(0);
			expect(runs.map((run) => [run.status, changesIn(run)])).toEqual([
				['success', [['sync_1', 'status_changed']]],
			]);

			// A manual test now: n8n 2.8 runs it without the saved state (every template new), n8n 2.41
			// with it (nothing changed since the last poll). Either way the saved state stays as it was.
			const before = JSON.stringify((await savedWorkflow()).staticData);
			const between = await testByHand();
			expect(between?.status).toBe('success');
			expect([allAre('new'), allAre('unchanged')]).toContainEqual(changesIn(between!));
			expect(JSON.stringify((await savedWorkflow()).staticData)).toBe(before);
		});

		// Regular mode restarts its one process on the same port (the state is in the database either way).
		(mode === 'regular' ? it : it.skip)(
			'after a restart of n8n, its first poll emits what changed while n8n was stopped, and only that',
			async () => {
				const last = Math.max(0, ...(await executions()).map((execution) => Number(execution.id)));
				const { port, logs } = n8n;
				await n8n.stop();
				emulator.templates = emulator.templates.filter((template) => template.name !== 'sync_2');
				n8n = await startN8n(userFolder, { line, port });
				n8n.logs.unshift(...logs);
				const runs = await emittedAfter(last);
				expect(runs.map((run) => [run.status, changesIn(run)])).toEqual([
					['success', [['sync_2', 'removed']]],
				]);
			},
		);
	});
}
