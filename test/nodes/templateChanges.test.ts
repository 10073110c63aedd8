/**
 * The Template Changes trigger through n8n-core's PollContext, run the way n8n's main process runs
 * a polling trigger (test/support/pollerHost.ts): activation, scheduled polls, manual tests and a
 * restart, against the emulator's template list.
 */
import { useEmulator } from '../support/emulatorFixture';
import { emulatorCredentials, runActionNode } from '../support/n8nCore';
import { PollerHost } from '../support/pollerHost';

const fixture = useEmulator();

const host = (parameters = {}) => new PollerHost(emulatorCredentials(fixture.baseUrl), parameters);

/** [name, change] of what a poll emitted; null when it emitted nothing. */
const changes = (result: { items: Array<Record<string, unknown>> | null }) =>
	result.items?.map((item) => [item.name, item.change]) ?? null;

function seed(count: number) {
	fixture.emulator.seedTemplates(count, (index) => ({ id: `t${index}`, name: `t_${index}` }));
}

describe('360dialog Template Changes Trigger', () => {
	it('records the templates silently when activated, then emits each change once, and nothing while nothing changes', async () => {
		seed(3);
		const poller = host();
		const activation = await poller.activate();
		expect(activation).toEqual({ items: null });
		expect(JSON.stringify(poller.saved)).toContain('t_2|en'); // saved at activation

		expect(await poller.tick()).toEqual({ items: null });
		fixture.emulator.templates[1].status = 'rejected';
		fixture.emulator.templates[1].rejected_reason = 'INVALID_FORMAT';
		const second = await poller.tick();
		expect(second.error).toBeUndefined();
		expect(second.items).toEqual([
			expect.objectContaining({
				name: 't_1',
				language: 'en',
				change: 'status_changed',
				status: 'REJECTED',
				previousStatus: 'APPROVED',
				rejectionReason: 'INVALID_FORMAT',
			}),
		]);
		expect(await poller.tick()).toEqual({ items: null });
	});

	it('tells each kind of change apart: new, status, category, quality, content edit and deletion', async () => {
		seed(5);
		fixture.emulator.templates[3].quality_score = { score: 'GREEN' };
		const poller = host();
		await poller.activate();
		const [status, category, content, quality, deleted] = fixture.emulator.templates;
		status.status = 'paused';
		category.category = 'MARKETING';
		content.components = [{ type: 'BODY', text: 'Edited {{1}}.' }];
		quality.quality_score = { score: 'YELLOW' };
		fixture.emulator.templates = fixture.emulator.templates.filter((t) => t !== deleted);
		fixture.emulator.seedTemplates(1, () => ({ id: 'fresh', name: 'fresh_one' }));
		const result = await poller.tick();
		expect(changes(result)).toEqual([
			['t_0', 'status_changed'],
			['t_1', 'category_changed'],
			['t_2', 'updated'],
			['t_3', 'quality_changed'],
			['fresh_one', 'new'],
			['t_4', 'removed'],
		]);
		const byName = Object.fromEntries(result.items!.map((item) => [item.name, item]));
		expect(byName.t_0).toMatchObject({ status: 'PAUSED', previousStatus: 'APPROVED' });
		expect(byName.t_1).toMatchObject({ category: 'MARKETING', previousCategory: 'UTILITY' });
		expect(byName.t_3).toMatchObject({ quality: 'YELLOW', previousQuality: 'GREEN' });
		expect(byName.t_4).toMatchObject({ status: 'REMOVED', previousStatus: 'APPROVED' });
		expect(await poller.tick()).toEqual({ items: null });
	});

	it("emits Template › Sync's fields, so a workflow can switch from one to the other", async () => {
		seed(1);
		const poller = host();
		await poller.activate();
		fixture.emulator.templates[0].status = 'disabled';
		const polled = (await poller.tick()).items![0];
		const synced = await runActionNode({
			parameters: { resource: 'template', operation: 'sync' },
			credentials: emulatorCredentials(fixture.baseUrl),
			mode: 'trigger',
		});
		expect(Object.keys(polled).sort()).toEqual(Object.keys(synced.items[0].json).sort());
	});

	it('a manual test shows sample data and changes nothing the next scheduled poll compares with', async () => {
		seed(2);
		const poller = host();
		// Before activation, and without the saved state (n8n 2.8 runs what the editor sends): every template.
		expect(changes(await poller.manual('none'))).toEqual([
			['t_0', 'new'],
			['t_1', 'new'],
		]);
		expect(poller.saved).toEqual({});
		await poller.activate();
		const saved = JSON.stringify(poller.saved);
		// With the saved state (n8n 2.41) and nothing changed: the templates as they are.
		expect(changes(await poller.manual('saved'))).toEqual([
			['t_0', 'unchanged'],
			['t_1', 'unchanged'],
		]);
		fixture.emulator.templates[0].status = 'paused';
		expect(changes(await poller.manual('saved'))).toEqual([['t_0', 'status_changed']]);
		expect(changes(await poller.manual('none'))).toEqual([
			['t_0', 'new'],
			['t_1', 'new'],
		]);
		expect(JSON.stringify(poller.saved)).toBe(saved);
		// The scheduled poll still reports the change the manual tests saw.
		expect(changes(await poller.tick())).toEqual([['t_0', 'status_changed']]);
	});

	it('after a restart, emits what changed while n8n was stopped, and nothing twice', async () => {
		seed(2);
		const poller = host();
		await poller.activate();
		fixture.emulator.templates[0].status = 'rejected';
		expect(changes(await poller.tick())).toEqual([['t_0', 'status_changed']]);
		poller.stop();
		fixture.emulator.templates[1].status = 'paused';
		expect(changes(await poller.activate('init'))).toEqual([['t_1', 'status_changed']]);
		expect(await poller.tick()).toEqual({ items: null });
		poller.stop();
		expect(await poller.activate('init')).toEqual({ items: null });
	});

	it('emits only the changes chosen, and still moves on past the others', async () => {
		seed(2);
		fixture.emulator.templates[0].quality_score = { score: 'GREEN' };
		const poller = host({ changes: ['status_changed'] });
		await poller.activate();
		fixture.emulator.templates[0].quality_score = { score: 'RED' };
		expect(await poller.tick()).toEqual({ items: null });
		fixture.emulator.templates[1].status = 'paused';
		expect(changes(await poller.tick())).toEqual([['t_1', 'status_changed']]);
	});

	it('a failed list leaves the previous poll as the reference: the next poll emits the change', async () => {
		seed(2);
		const poller = host();
		await poller.activate();
		fixture.emulator.templates[1].status = 'paused';
		fixture.emulator.inject({
			method: 'GET',
			path: '/v1/configs/templates',
			status: 401,
			times: 1,
		});
		const failed = await poller.tick();
		expect(failed.error?.message).toBeDefined();
		expect(failed.items).toBeNull();
		expect(changes(await poller.tick())).toEqual([['t_1', 'status_changed']]);
	});

	it('reads a state without category and quality (as Sync kept it in 0.1.0) without calling anything changed', async () => {
		seed(1);
		const poller = host();
		await poller.activate();
		const state = Object.values(poller.saved)[0] as { snapshot: Record<string, object> };
		for (const entry of Object.values(state.snapshot)) {
			delete (entry as { category?: unknown }).category;
			delete (entry as { quality?: unknown }).quality;
		}
		poller.stop();
		expect(await poller.activate('init')).toEqual({ items: null });
		fixture.emulator.templates[0].quality_score = { score: 'GREEN' };
		expect(changes(await poller.tick())).toEqual([['t_0', 'quality_changed']]);
	});
});
