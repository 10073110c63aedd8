import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { diffTemplates, simplifyTemplate, type TemplateSnapshot } from '../../domain/templates';
import { fetchTemplates } from '../../transport/templates';

const show = { resource: ['template'], operation: ['sync'] };
const STATIC_DATA_KEY = 'templateSync';

export const description: INodeProperties[] = [
	{
		displayName:
			'Compares all templates with the previous run of this node (kept with the workflow, also in queue mode) and marks each new, status_changed, updated, removed or unchanged. The first run marks everything new. Runs once per execution.',
		name: 'syncNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Only Changes',
		name: 'onlyChanges',
		type: 'boolean',
		default: false,
		description: 'Whether to output only templates that are new, changed or removed since the previous sync',
		displayOptions: { show },
	},
];

/** One sync per execution, whatever the number of input items. */
export const runOnce = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const onlyChanges = this.getNodeParameter('onlyChanges', itemIndex, false) as boolean;
	const templates = await fetchTemplates.call(this, {}, Infinity, itemIndex);
	const staticData = this.getWorkflowStaticData('node');
	const previous = (staticData[STATIC_DATA_KEY] as { snapshot?: Record<string, TemplateSnapshot> } | undefined)?.snapshot;
	const syncedAt = new Date().toISOString();
	const { templates: synced, snapshot } = diffTemplates(
		previous,
		templates.map((template) => simplifyTemplate(template as typeof template & Record<string, unknown>)),
		syncedAt,
	);
	// Saved only after a complete fetch: a failed run leaves the previous sync as the reference.
	staticData[STATIC_DATA_KEY] = { snapshot, syncedAt } as unknown as IDataObject;
	const output = onlyChanges ? synced.filter((template) => template.change !== 'unchanged') : synced;
	return output as unknown as IDataObject[];
}
