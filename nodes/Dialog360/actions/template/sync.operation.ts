import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TemplateSnapshot } from '../../domain/templates';
import { syncTemplates } from '../../transport/templates';
import { updateDisplayOptions } from '../displayOptions';
import { toJson } from '../../domain/values';

/**
 * Where Sync keeps the previous sync, and why there (read in n8n 2.8.4 and 2.41.1, packages/cli):
 * - The workflow's static data is the one n8n store that gives a node its values back. n8n saves it
 *   after every execution that is not manual (execution-lifecycle/execution-lifecycle-hooks.js,
 *   hookFunctionsSave and hookFunctionsSaveWorker: `if (!isManualMode && … newStaticData)`), in the
 *   main process and on queue-mode workers, and loads it from the database for each new execution
 *   (workflow-runner.js `getStaticDataById`), so it survives a restart.
 * - What a manual run ("Execute workflow", "Run now") writes is never saved, so a manual run writes
 *   nothing and records nothing in the deduplication store: it leaves the scheduled state alone. It
 *   compares with the scheduled state when n8n gives it one: 2.41 runs a manual execution on the
 *   saved workflow (workflows/workflows.controller.js passes `dbWorkflow`), 2.8 on what the editor
 *   sends, without static data (workflows/workflow-execution.service.js `executeManually`).
 * - n8n's data tables are closed to community nodes: `getDataTableProxy` refuses any node type but
 *   n8n's own Data table and Evaluation nodes (modules/data-table/data-table-proxy.service.js,
 *   ALLOWED_NODES). The deduplication store (processed_data) keeps md5 hashes of entries
 *   (deduplication/deduplication-helper.js), so it can say "seen before" but not give a snapshot back.
 * - From n8n 2.40 on, queue-mode workers start new executions without static data: the execution
 *   keeps only id, name, nodes, connections and settings of the workflow
 *   (executions/execution-data/types.js `toWorkflowSnapshot`) and the worker reloads static data only
 *   for resumed executions (workflow-runner.js `shouldReloadStaticData`). Sync then stops with an
 *   explanation instead of calling every template new, and points to the Template Changes trigger
 *   (templateChanges/poll.ts), whose polls run in the main process with the state n8n keeps there.
 * Keyed by the node's id (not its name, which n8n's 'node' scope uses) so that renaming the node
 * keeps its state, like the deduplication store's 'node' scope, which is also by id.
 */
const STATE_PREFIX = 'templateSync:';
/** Where version 0.1.0 kept it: the node-scoped static data (by the node's name). */
const LEGACY_KEY = 'templateSync';

interface SyncState {
	snapshot?: Record<string, TemplateSnapshot>;
	syncedAt?: string;
}

const properties: INodeProperties[] = [
	{
		displayName:
			'Compares all templates with the previous scheduled run of this node and marks each new, status_changed, category_changed, quality_changed, updated, removed or unchanged. The first run marks everything new. A manual run compares with the last scheduled run where n8n hands it over (else it marks everything new) and changes nothing for the next one. Runs once per execution. On a schedule, the 360dialog Template Changes Trigger does the same in every mode, queue mode included.',
		name: 'syncNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Only Changes',
		name: 'onlyChanges',
		type: 'boolean',
		default: false,
		description:
			'Whether to output only templates that are new, changed or removed since the previous sync',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['sync'] } },
	properties,
);

/** One sync per execution, whatever the number of input items: it covers the whole account. */
export const runShape = 'oncePerRun';

const COMPLETED_MARKER = 'dialog360-template-sync-completed';

/**
 * Whether n8n remembers that this node completed a saved sync before, in its deduplication store
 * (kept in the database, apart from static data). Undefined where that store is not available.
 */
async function completedBefore(ctx: IExecuteFunctions): Promise<boolean | undefined> {
	try {
		return (await ctx.helpers.getProcessedDataCount('node', { mode: 'entries' })) > 0;
	} catch {
		return undefined; // no deduplication store (n8n-core without the n8n server): nothing to compare
	}
}

async function recordCompleted(ctx: IExecuteFunctions): Promise<void> {
	try {
		await ctx.helpers.checkProcessedAndRecord([COMPLETED_MARKER], 'node', { mode: 'entries' });
	} catch {
		// no deduplication store: the check above is skipped as well
	}
}

/** The state of the previous scheduled sync, as n8n gave it to this execution. */
function readState(ctx: IExecuteFunctions): SyncState | undefined {
	const global = ctx.getWorkflowStaticData('global');
	const state = global[STATE_PREFIX + ctx.getNode().id] as SyncState | undefined;
	if (state?.snapshot) return state;
	const legacy = ctx.getWorkflowStaticData('node')[LEGACY_KEY] as SyncState | undefined;
	return legacy?.snapshot ? legacy : undefined;
}

function writeState(ctx: IExecuteFunctions, state: SyncState): void {
	ctx.getWorkflowStaticData('global')[STATE_PREFIX + ctx.getNode().id] = toJson(state);
	const node = ctx.getWorkflowStaticData('node');
	if (node[LEGACY_KEY] !== undefined) delete node[LEGACY_KEY];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const onlyChanges = this.getNodeParameter('onlyChanges', itemIndex, false) as boolean;
	// n8n does not save what a manual run writes (see above): it must not count as a sync.
	const manual = this.getMode() === 'manual';
	const previous = readState(this)?.snapshot;
	// Without its previous state a sync would call every template new: that must not pass silently.
	if (!manual && previous === undefined && (await completedBefore(this)) === true) {
		throw new NodeOperationError(
			this.getNode(),
			'n8n did not give this node the state of its previous sync, so it cannot tell what changed',
			{
				itemIndex,
				description:
					"This node completed a scheduled sync before, but its saved state (the workflow's static data) did not reach this execution: n8n 2.40 and later in queue mode start workers without it. For template changes on a schedule, start the workflow with the 360dialog Template Changes Trigger instead of a Schedule Trigger and this node: it polls in n8n's main process, where n8n keeps its state in every mode, and emits the same fields. To start this node over, duplicate it (a new node starts fresh).",
			},
		);
	}
	const {
		templates: synced,
		snapshot,
		syncedAt,
	} = await syncTemplates.call(this, previous, itemIndex);
	// Saved only after a complete fetch: a failed run leaves the previous sync as the reference.
	if (!manual) {
		writeState(this, { snapshot, syncedAt });
		if (previous === undefined) await recordCompleted(this);
	}
	const output = onlyChanges
		? synced.filter((template) => template.change !== 'unchanged')
		: synced;
	return output.map(toJson);
}
