import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { blockedPageOf } from '../../domain/blockUsers';
import { readCursorPages } from '../../transport/cursorPages';
import { apiRequest } from '../../transport/request';
import { returnAllFields } from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';

/** The most one page asks for: 360dialog's reference gives `limit` without a maximum [L]. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [...returnAllFields];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['listBlocked'] } },
	properties,
);

/** One list per item, one at a time. */
export const runShape = 'perItem';

/** One item per blocked contact, page by page (`limit`, `after`) until the limit or the last page. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await readCursorPages<IDataObject>(
		async (after, wanted) => {
			const answer = await apiRequest.call(this, {
				method: 'GET',
				endpoint: 'blockUsers',
				qs: { limit: Math.min(PAGE_SIZE, wanted), ...(after ? { after } : {}) },
				idempotent: true,
				itemIndex,
			});
			const page = blockedPageOf(answer);
			return {
				entries: page.contacts.map((contact) => ({
					waId: contact.waId,
					phoneNumber: contact.waId ? `+${contact.waId}` : null,
					blocked: true,
				})),
				after: page.after,
			};
		},
		{ max: limit },
	);
}
