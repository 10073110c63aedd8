import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../displayOptions';
import { blockingProperties, runBlocking } from './blocking';

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['block'] } },
	blockingProperties('block'),
);

/** One item at a time, in item order: each item's contacts go in requests of at most 1,000. */
export const runShape = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runBlocking(this, itemIndex, 'block');
}
