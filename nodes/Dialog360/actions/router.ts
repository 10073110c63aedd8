import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as media from './media';
import * as message from './message';
import * as profile from './profile';
import * as template from './template';
import { runItems, type RunnerOptions } from '../transport/runner';

type OperationModule = {
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>;
	/** How the items of a run are spread over time; one at a time when absent. */
	runnerOptions?: (ctx: IExecuteFunctions) => RunnerOptions;
	/** Runs for the first item only (a sync of the whole account, not per item). */
	runOnce?: boolean;
};

const resources: Record<string, Record<string, OperationModule>> = {
	message: { send: message.send, sendTemplate: message.sendTemplate, markAsRead: message.markAsRead },
	media: { upload: media.upload, download: media.download, delete: media.deleteMedia },
	template: { submit: template.submit, list: template.list, sync: template.sync, get: template.get, delete: template.deleteTemplate },
	profile: { get: profile.get, update: profile.update },
};

/** Reads and writes one item at a time unless an operation's options say otherwise. */
const SEQUENTIAL: RunnerOptions = { maxConcurrent: 1 };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const itemCount = module.runOnce ? Math.min(1, items.length) : items.length;
	const output = await runItems(this, itemCount, (itemIndex) => module.execute.call(this, itemIndex), module.runnerOptions?.(this) ?? SEQUENTIAL);
	return [output];
}
