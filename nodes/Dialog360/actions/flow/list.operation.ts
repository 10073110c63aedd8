import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toJson } from '../../domain/values';
import { fetchFlows } from '../../transport/flows';
import { updateDisplayOptions } from '../displayOptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['flow'], operation: ['list'] } },
	[],
);

/** One read per run: the list does not depend on the item. */
export const runShape = 'oncePerRun';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return (await fetchFlows.call(this, itemIndex)).map((flow) => toJson(flow));
}
