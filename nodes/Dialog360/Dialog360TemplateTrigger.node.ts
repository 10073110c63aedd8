import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { templateChangesProperties } from './templateChanges/description';
import { pollTemplateChanges } from './templateChanges/poll';

/**
 * Starts a workflow when templates change: n8n calls `poll` on the schedule the user sets (the Poll
 * Times it adds to every polling node) and starts an execution with what it returns.
 */
export class Dialog360TemplateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog Template Changes Trigger',
		name: 'dialog360TemplateTrigger',
		icon: { light: 'file:../../icons/dialog360.svg', dark: 'file:../../icons/dialog360.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["changes"].length ? $parameter["changes"].join(", ") : "All changes" }}',
		description:
			'Starts a workflow when a WhatsApp template is added, approved, rejected, paused, changes quality or category, or is deleted',
		defaults: { name: '360dialog Template Changes' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dialog360Api', required: true }],
		properties: templateChangesProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTemplateChanges(this);
	}
}
