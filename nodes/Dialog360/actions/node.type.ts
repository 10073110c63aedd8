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
	template: 'submit' | 'list' | 'sync' | 'get' | 'delete';
	profile: 'get' | 'update';
};

export type Dialog360Resource = keyof Dialog360Map;

/** One operation: its fields, and what it does for one item. */
export interface OperationModule {
	description: INodeProperties[];
	execute: (
		this: IExecuteFunctions,
		itemIndex: number,
	) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>;
	/** How the items of a run are spread over time; one at a time when absent. */
	runnerOptions?: (ctx: IExecuteFunctions) => RunnerOptions;
	/** Runs for the first item only (a sync of the whole account, not per item). */
	runOnce?: boolean;
}

export type OperationTable = {
	[Resource in Dialog360Resource]: Record<Dialog360Map[Resource], OperationModule>;
};
