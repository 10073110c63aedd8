import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { summarizeHealth } from '../../domain/account';
import { toJson } from '../../domain/values';
import { apiRequest } from '../../transport/request';
import { simplifyField } from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import { wantsRawOutput } from '../parameters';

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getHealth'] } },
	[simplifyField],
);

/** One read per item, one at a time. */
export const runShape = 'perItem';

/**
 * Whether the number can send, in words: `canSend`, `summary`, and the entities that block or limit
 * it with WhatsApp's reason and possible solution (360dialog's /health_status; domain/account.ts).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'healthStatus',
		idempotent: true,
		itemIndex,
	});
	if (wantsRawOutput(this, itemIndex)) return response;
	return toJson(summarizeHealth(response));
}
