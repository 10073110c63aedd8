/**
 * Template › Sync as users run it: the nightly example (its schedule every few seconds), run by hand
 * first, then on its schedule while templates change, with a manual run in between, and across a
 * restart of n8n. Called from the per-line and per-mode *.test.ts files next to it; its own n8n, so
 * that the workflow is still inactive for the first manual run.
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
import {
	examplePath,
	lastExecutionError,
	publicApi,
	waitFor,
	workersLoseStaticDataIn,
} from './harness';

const WORKFLOW_ID = 'exampleNightlySync';
const SYNC_NODE = 'Templates that changed';
const LOST_STATE =
	'n8n did not give this node the state of its previous sync, so it cannot tell what changed';

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

/** What Sync said in an execution: [name, change] per template (Only Changes is on). */
function changesIn(execution: Execution): Array<[string | undefined, string | undefined]> {
	const items = execution.data?.resultData.runData[SYNC_NODE]?.[0]?.data?.main[0] ?? [];
	return items.map((item) => [item.json.name, item.json.change]);
}

/** Where the first run that reported a change is among `runs` (-1: none). */
const withChange = (runs: Execution[]) => runs.findIndex((run) => changesIn(run).length > 0);

const finished = (execution: Execution) =>
	!['new', 'running', 'waiting'].includes(execution.status);

export function describeTemplateSync(line: N8nLine, mode: 'regular' | 'queue'): void {
	jest.setTimeout(30 * 60_000);

	describe(`Template › Sync on a schedule after manual runs: n8n ${line.version} (${mode} mode)`, () => {
		const emulator = new Emulator({ apiKeys: [SENTINEL_API_KEY] });
		const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-sync-'));
		const lost = workersLoseStaticDataIn(line, mode);
		let n8n: N8nInstance;
		let userFolder = '';

		beforeAll(async () => {
			const baseUrl = await emulator.start();
			emulator.seedTemplates(3, (index) => ({ id: `sync${index}`, name: `sync_${index}` }));
			const data = { apiKey: SENTINEL_API_KEY, environment: 'custom', baseUrl };
			userFolder = prepareUserFolder(work, line, {
				credentials: [{ id: 'exampleCredential', name: '360dialog', type: 'dialog360Api', data }],
				// Every 4 s: one run ends before the next starts, also on a loaded machine.
				workflows: [
					{
						file: examplePath('nightly-template-sync.json', work, 4),
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

		/** The finished scheduled executions after `after`, once `enough` says they are enough. */
		const scheduledRuns = async (after: number, enough: (runs: Execution[]) => boolean) =>
			(await waitFor(async () => {
				const runs = (await executions()).filter(
					(execution) => execution.mode === 'trigger' && Number(execution.id) > after,
				);
				const done = runs.filter(finished);
				return done.length === runs.length && enough(done) ? done : undefined;
			}, 120_000)) ?? [];

		/** "Execute workflow" from the "Run now" trigger, as the editor sends it (without static data). */
		const runByHand = async () => {
			const { cookie } = await ownerSession(n8n.url);
			const workflowData = (
				await requestJson<{ data: Record<string, unknown> }>(
					`${n8n.url}/rest/workflows/${WORKFLOW_ID}`,
					{ headers: { cookie } },
				)
			).body.data;
			delete workflowData.staticData;
			const run = await requestJson<{ data: { executionId?: string } }>(
				`${n8n.url}/rest/workflows/${WORKFLOW_ID}/run`,
				{
					method: 'POST',
					headers: { cookie },
					body: { workflowData, triggerToStartFrom: { name: 'Run now' } },
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

		const allNew = [
			['sync_0', 'new'],
			['sync_1', 'new'],
			['sync_2', 'new'],
		];

		it('a manual run, then scheduled runs with templates changed in between and a manual run among them: each scheduled run gives what changed since the previous one', async () => {
			const manual = await runByHand();
			expect(manual?.status).toBe('success');
			expect(changesIn(manual!)).toEqual(allNew);

			await publicApi(n8n, `/workflows/${WORKFLOW_ID}/activate`, { method: 'POST', body: {} });
			const first = await scheduledRuns(0, (runs) => runs.length >= 2);
			if (lost) {
				// The worker got no static data: Sync says so instead of calling every template new again.
				expect(first[0].status).toBe('success');
				expect(changesIn(first[0])).toEqual(allNew);
				expect(first[1].status).toBe('error');
				expect(await lastExecutionError(n8n, WORKFLOW_ID)).toContain(LOST_STATE);
				return;
			}
			// The manual run left the scheduled state alone: the first scheduled run is a first sync.
			expect(first.map((run) => [run.status, changesIn(run)])).toEqual([
				['success', allNew],
				['success', []],
			]);

			emulator.templates[0].components = [{ type: 'BODY', text: 'Edited {{1}}.' }];
			const edited = await scheduledRuns(Number(first[1].id), (runs) => {
				const index = withChange(runs);
				return index >= 0 && runs.length > index + 1;
			});

			// n8n 2.41 runs a manual execution in the main process on the saved workflow, static data
			// included (workflows.controller.js passes `dbWorkflow`): nothing changed since the last
			// scheduled run. n8n 2.8 runs it on what the editor sends, and queue-mode workers get no
			// static data: every template is new. Either way the next scheduled runs are unaffected.
			const between = await runByHand();
			expect(between?.status).toBe('success');
			expect([allNew, []]).toContainEqual(changesIn(between!));

			emulator.templates[1].status = 'rejected';
			const last = edited[edited.length - 1];
			const rejected = await scheduledRuns(Number(last.id), (runs) => {
				const index = withChange(runs);
				return index >= 0 && runs.length > index + 1;
			});

			const runs = [...first, ...edited, ...rejected];
			expect(runs.every((run) => run.status === 'success')).toBe(true);
			// Nothing is reported twice, nothing is missed, and the manual run in between changed nothing.
			expect(runs.map(changesIn).filter((changes) => changes.length > 0)).toEqual([
				allNew,
				[['sync_0', 'updated']],
				[['sync_1', 'status_changed']],
			]);
		});

		// Regular mode restarts its one process on the same port (the state is in the database either way).
		(mode === 'regular' ? it : it.skip)(
			'after a restart of n8n, the next scheduled run compares with the last one before it',
			async () => {
				const before = Math.max(
					0,
					...(await executions()).map((execution) => Number(execution.id)),
				);
				const { port, logs } = n8n;
				await n8n.stop();
				emulator.templates = emulator.templates.filter((template) => template.name !== 'sync_2');
				n8n = await startN8n(userFolder, { line, port });
				n8n.logs.unshift(...logs);

				const after = await scheduledRuns(before, (runs) => {
					const index = withChange(runs);
					return index >= 0 && runs.length > index + 1;
				});
				expect(after.every((run) => run.status === 'success')).toBe(true);
				expect(after.map(changesIn).filter((changes) => changes.length > 0)).toEqual([
					[['sync_2', 'removed']],
				]);
			},
		);
	});
}
