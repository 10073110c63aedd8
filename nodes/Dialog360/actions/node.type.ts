/** The resources of the node and the operations of each: the router's table is typed by this map. */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { RunnerOptions } from '../transport/runner';

export type Dialog360Map = {
	message: 'send' | 'sendAndWait' | 'sendTemplate' | 'markAsRead';
	media: 'upload' | 'download' | 'delete';
	template: 'submit' | 'submitFromLibrary' | 'browseLibrary' | 'list' | 'sync' | 'get' | 'delete';
	profile: 'get' | 'update';
	flow: 'list' | 'get';
	contact: 'block' | 'unblock' | 'listBlocked';
	account: 'getHealth' | 'getWebhookConfiguration';
};

export type Dialog360Resource = keyof Dialog360Map;

/**
 * How the router runs an operation over the items of a run; each operation exports its own, with why.
 * - perItem: once per item, one item at a time, in item order.
 * - paced: once per item, several items in flight at the pace its `runnerOptions` reads.
 * - oncePerRun: once, for the first item, whatever the number of items.
 */
export type RunShape = 'perItem' | 'paced' | 'oncePerRun';

/** One operation: its fields, what it does for one item, and how it runs over the items. */
export type OperationModule = {
	description: INodeProperties[];
	execute: (
		this: IExecuteFunctions,
		itemIndex: number,
	) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>;
} & (
	| { runShape: 'perItem' | 'oncePerRun' }
	| { runShape: 'paced'; runnerOptions: (ctx: IExecuteFunctions) => RunnerOptions }
);

export type OperationTable = {
	[Resource in Dialog360Resource]: Record<Dialog360Map[Resource], OperationModule>;
};
