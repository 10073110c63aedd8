/**
 * The Template Changes trigger's poll: the template list through the package's transport, compared
 * with the previous poll by the same diff as Template › Sync (domain/templates.ts).
 *
 * Where the previous poll is kept, and why it holds in every mode (read in n8n 2.8.4 and 2.41.1):
 * - n8n runs pollers in its main process, also in queue mode (workers only run the executions a
 *   poll emits), and keeps the activated workflow, its static data included, in memory between polls
 *   (n8n-core active-workflows.js, 2.41 active-workflow-triggers.js).
 * - It saves the static data to the database after activation (active-workflow-manager.js `add`,
 *   2.41 workflow-trigger-activator.js) and whenever a poll emits (`__emit` calls
 *   `saveStaticData`), and loads it when it activates the workflow again, after a restart too. A
 *   change emits an item (unless the Changes option leaves it out), so the database holds the state
 *   of the last poll that emitted: a restart compares with it, and what was emitted is not emitted
 *   again. With 2.41's durable poll cursors the node's static data is that cursor.
 * - A manual test (mode "manual") runs the poll on a copy of the workflow whose static data n8n
 *   never saves (execution-lifecycle-hooks.js: `!isManualMode`), so it writes nothing here either.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { SyncedTemplate, TemplateChange, TemplateSnapshot } from '../domain/templates';
import { toJson } from '../domain/values';
import { syncTemplates } from '../transport/templates';

/** The node's static data: the snapshot of the previous poll. */
interface PollState extends IDataObject {
	snapshot?: Record<string, TemplateSnapshot>;
	syncedAt?: string;
}

function itemsOf(ctx: IPollFunctions, templates: SyncedTemplate[]): INodeExecutionData[][] | null {
	return templates.length > 0 ? [ctx.helpers.returnJsonArray(templates.map(toJson))] : null;
}

export async function pollTemplateChanges(
	ctx: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const wanted = ctx.getNodeParameter('changes', []) as TemplateChange[];
	const state = ctx.getWorkflowStaticData('node') as PollState;
	const previous = state.snapshot;
	const { templates: synced, snapshot, syncedAt } = await syncTemplates.call(ctx, previous);
	const changes = synced.filter(
		(template) =>
			template.change !== 'unchanged' && (wanted.length === 0 || wanted.includes(template.change)),
	);

	if (ctx.getMode() === 'manual') {
		// Sample data for the editor: what changed if anything did, else every template.
		return itemsOf(ctx, changes.length > 0 ? changes : synced);
	}
	// Written only when something differs: an unchanged poll leaves n8n nothing to save.
	if (previous === undefined || JSON.stringify(previous) !== JSON.stringify(snapshot)) {
		state.snapshot = snapshot;
		state.syncedAt = syncedAt;
	}
	// The first poll after activation records where it starts from.
	return previous === undefined ? null : itemsOf(ctx, changes);
}
