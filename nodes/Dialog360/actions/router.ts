import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItems, type RunnerOptions } from '../transport/runner';
import * as account from './account';
import * as contact from './contact';
import * as flow from './flow';
import * as media from './media';
import * as message from './message';
import type { OperationModule, OperationTable } from './node.type';
import * as profile from './profile';
import * as template from './template';

const operations: OperationTable = {
	message: {
		send: message.send,
		sendAndWait: message.sendAndWait,
		sendTemplate: message.sendTemplate,
		markAsRead: message.markAsRead,
	},
	media: { upload: media.upload, download: media.download, delete: media.deleteMedia },
	template: {
		submit: template.submit,
		submitFromLibrary: template.submitFromLibrary,
		browseLibrary: template.browseLibrary,
		list: template.list,
		sync: template.sync,
		get: template.get,
		delete: template.deleteTemplate,
	},
	profile: { get: profile.get, update: profile.update },
	flow: { list: flow.list, get: flow.get },
	contact: { block: contact.block, unblock: contact.unblock, listBlocked: contact.listBlocked },
	account: {
		getHealth: account.getHealth,
		getWebhookConfiguration: account.getWebhookConfiguration,
	},
};

function operationOf(resource: string, operation: string): OperationModule | undefined {
	if (!Object.prototype.hasOwnProperty.call(operations, resource)) return undefined;
	const table = operations[resource as keyof OperationTable] as Record<string, OperationModule>;
	return Object.prototype.hasOwnProperty.call(table, operation) ? table[operation] : undefined;
}

/** perItem and oncePerRun: one item at a time. */
const SEQUENTIAL: RunnerOptions = { maxConcurrent: 1 };

/**
 * Every operation runs through the one runner: pairing, Continue On Fail, pacing. How it runs over
 * the items is the operation's `runShape` export (RunShape in node.type.ts), which says why.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operationOf(resource, operation);
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const itemCount = module.runShape === 'oncePerRun' ? Math.min(1, items.length) : items.length;
	const output = await runItems(
		this,
		itemCount,
		(itemIndex) => module.execute.call(this, itemIndex),
		module.runShape === 'paced' ? module.runnerOptions(this) : SEQUENTIAL,
	);
	return [output];
}
