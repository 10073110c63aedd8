import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { diffTemplates, simplifyTemplate, type TemplateSnapshot } from '../../domain/templates';
import { fetchTemplates } from '../../transport/templates';
import { updateDisplayOptions } from '../displayOptions';
import { toJson } from '../../domain/values';

const STATIC_DATA_KEY = 'templateSync';

const properties: INodeProperties[] = [
	{
		displayName:
			'Compares all templates with the previous run of this node (kept with the workflow, also in queue mode) and marks each new, status_changed, updated, removed or unchanged. The first run marks everything new. Runs once per execution.',
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
 * Whether n8n remembers that this node completed a sync before, in its deduplication store (kept in
 * the database, apart from static data). Undefined where that store is not available.
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const onlyChanges = this.getNodeParameter('onlyChanges', itemIndex, false) as boolean;
	const staticData = this.getWorkflowStaticData('node');
	const previous = (
		staticData[STATIC_DATA_KEY] as { snapshot?: Record<string, TemplateSnapshot> } | undefined
	)?.snapshot;
	// Without its previous state a sync would call every template new. n8n's queue mode has started
	// workers without the workflow's static data (seen in n8n 2.40); that must not pass silently.
	if (previous === undefined && (await completedBefore(this)) === true) {
		throw new NodeOperationError(
			this.getNode(),
			'n8n did not give this node the state of its previous sync, so it cannot tell what changed',
			{
				itemIndex,
				description:
					"This node completed a sync before, but its saved state (the workflow's static data) did not reach this execution. Recent n8n versions in queue mode start workers without it. Run this workflow on an n8n in regular mode, or use List and compare in the workflow. To start over, duplicate the node (a new node starts fresh).",
			},
		);
	}
	const templates = await fetchTemplates.call(this, {}, Infinity, itemIndex);
	const syncedAt = new Date().toISOString();
	const { templates: synced, snapshot } = diffTemplates(
		previous,
		templates.map((template) =>
			simplifyTemplate(template as typeof template & Record<string, unknown>),
		),
		syncedAt,
	);
	// Saved only after a complete fetch: a failed run leaves the previous sync as the reference.
	staticData[STATIC_DATA_KEY] = toJson({ snapshot, syncedAt });
	if (previous === undefined) await recordCompleted(this);
	const output = onlyChanges
		? synced.filter((template) => template.change !== 'unchanged')
		: synced;
	return output.map(toJson);
}
