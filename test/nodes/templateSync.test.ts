/**
 * Template › Sync across manual and scheduled runs, the way n8n keeps its state: n8n saves the
 * workflow's static data after every execution but a manual one (so these tests hand a scheduled run
 * the static data the previous scheduled run left, and a manual run changes nothing n8n would keep),
 * and its deduplication store (here an in-memory one with n8n's semantics: per workflow and node id,
 * kept for manual runs too).
 */
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	ICheckProcessedContextData,
	IDataObject,
	IDataDeduplicator,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { useEmulator } from '../support/emulatorFixture';
import { emulatorCredentials, runActionNode } from '../support/n8nCore';

/** n8n's processed_data table, in memory: entries by workflow and node id (the 'node' scope). */
class MemoryDeduplicator implements IDataDeduplicator {
	readonly entries = new Map<string, Set<string>>();

	private set(contextData: ICheckProcessedContextData): Set<string> {
		const key = `${contextData.workflow.id}|n:${contextData.node?.id}`;
		if (!this.entries.has(key)) this.entries.set(key, new Set());
		return this.entries.get(key)!;
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		_scope: unknown,
		contextData: ICheckProcessedContextData,
	) {
		const set = this.set(contextData);
		const processed = items.filter((item) => set.has(String(item)));
		for (const item of items) set.add(String(item));
		return { new: items.filter((item) => !processed.includes(item)), processed };
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		_scope: unknown,
		contextData: ICheckProcessedContextData,
	) {
		for (const item of items) this.set(contextData).delete(String(item));
	}

	async clearAllProcessedItems(_scope: unknown, contextData: ICheckProcessedContextData) {
		this.set(contextData).clear();
	}

	async getProcessedDataCount(_scope: unknown, contextData: ICheckProcessedContextData) {
		return this.set(contextData).size;
	}
}

const store = new MemoryDeduplicator();
beforeAll(async () => await DataDeduplicationService.init(store));
beforeEach(() => store.entries.clear());

const fixture = useEmulator();

/** One execution of Sync (Only Changes off); `saved` is the static data as n8n keeps it afterwards. */
async function sync(
	mode: WorkflowExecuteMode,
	staticData: IDataObject,
	extra: { nodeName?: string } = {},
) {
	const before = JSON.stringify(staticData);
	const run = await runActionNode({
		parameters: { resource: 'template', operation: 'sync' },
		credentials: emulatorCredentials(fixture.baseUrl),
		mode,
		staticData: JSON.parse(before) as IDataObject,
		...extra,
	});
	// What n8n writes to (and later reads from) the database: nothing for a manual run.
	const saved = JSON.parse(
		mode === 'manual' ? before : JSON.stringify(run.staticData),
	) as IDataObject;
	const changes = Object.fromEntries(
		run.items.map((item) => [item.json.name as string, item.json.change as string]),
	);
	// Static data with content: n8n-core adds an empty object for each scope a node asks for.
	const content = (data: IDataObject) =>
		JSON.stringify(Object.entries(data).filter(([, value]) => JSON.stringify(value) !== '{}'));
	const written =
		content(JSON.parse(JSON.stringify(run.staticData)) as IDataObject) !== content(staticData);
	return { ...run, saved, changes, written };
}

describe('Template › Sync between manual and scheduled runs', () => {
	it('a manual run first, then scheduled runs: each scheduled run compares with the previous scheduled one', async () => {
		fixture.emulator.seedTemplates(2, (index) => ({ name: `s_${index}` }));
		const manual = await sync('manual', {});
		expect(manual.error).toBeUndefined();
		expect(manual.changes).toEqual({ s_0: 'new', s_1: 'new' });
		expect(manual.written).toBe(false);
		expect(store.entries.size).toBe(0); // nothing recorded that n8n would keep

		const first = await sync('trigger', manual.saved);
		expect(first.error).toBeUndefined();
		expect(first.changes).toEqual({ s_0: 'new', s_1: 'new' });

		fixture.emulator.templates[0].components = [{ type: 'BODY', text: 'Edited {{1}}.' }];
		const second = await sync('trigger', first.saved);
		expect(second.changes).toEqual({ s_0: 'updated', s_1: 'unchanged' });

		// A manual run between scheduled runs sees the scheduled state when n8n gives it, and keeps it.
		fixture.emulator.templates[1].status = 'rejected';
		const between = await sync('manual', second.saved);
		expect(between.changes).toEqual({ s_0: 'unchanged', s_1: 'status_changed' });
		expect(between.written).toBe(false);
		const third = await sync('trigger', between.saved);
		expect(third.changes).toEqual({ s_0: 'unchanged', s_1: 'status_changed' });
		const fourth = await sync('trigger', third.saved);
		expect(fourth.changes).toEqual({ s_0: 'unchanged', s_1: 'unchanged' });
	});

	it('a manual run without the saved state (as from the editor) marks all new and leaves the next scheduled run its state', async () => {
		fixture.emulator.seedTemplates(2, (index) => ({ name: `m_${index}` }));
		const first = await sync('trigger', {});
		fixture.emulator.templates[0].status = 'paused';
		const manual = await sync('manual', {});
		expect(manual.changes).toEqual({ m_0: 'new', m_1: 'new' });
		const next = await sync('trigger', first.saved);
		expect(next.changes).toEqual({ m_0: 'status_changed', m_1: 'unchanged' });
	});

	it('a renamed node keeps its state', async () => {
		fixture.emulator.seedTemplates(1, () => ({ name: 'r_0' }));
		const first = await sync('trigger', {}, { nodeName: 'Templates that changed' });
		const renamed = await sync('trigger', first.saved, { nodeName: 'Nightly templates' });
		expect(renamed.error).toBeUndefined();
		expect(renamed.changes).toEqual({ r_0: 'unchanged' });
	});

	it('reads the state version 0.1.0 kept (node-scoped) and moves it', async () => {
		fixture.emulator.seedTemplates(1, () => ({ name: 'l_0' }));
		const first = await sync('trigger', {});
		const state = (first.saved.global as IDataObject)['templateSync:node']; // by the node's id
		const legacy = { 'node:360dialog WhatsApp': { templateSync: state } };
		const next = await sync('trigger', legacy);
		expect(next.changes).toEqual({ l_0: 'unchanged' });
		expect(next.saved['node:360dialog WhatsApp']).toEqual({});
	});

	it('a scheduled run that did not get the saved state of a completed sync stops and says so', async () => {
		fixture.emulator.seedTemplates(1);
		await sync('trigger', {});
		const lost = await sync('trigger', {});
		expect(lost.error?.message).toBe(
			'n8n did not give this node the state of its previous sync, so it cannot tell what changed',
		);
		expect(lost.error?.description).toContain('queue mode');
		// …and names what works there.
		expect(lost.error?.description).toContain('360dialog Template Changes Trigger');
		expect(fixture.emulator.requestsTo('GET', '/v1/configs/templates')).toHaveLength(1);
	});
});
