import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { blockedPageOf } from '../../domain/blockUsers';
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
	const contacts: IDataObject[] = [];
	let after: string | null = null;
	do {
		const answer = await apiRequest.call(this, {
			method: 'GET',
			endpoint: 'blockUsers',
			qs: {
				limit: Math.min(PAGE_SIZE, limit - contacts.length),
				...(after ? { after } : {}),
			},
			idempotent: true,
			itemIndex,
		});
		const page = blockedPageOf(answer);
		for (const contact of page.contacts) {
			if (contacts.length >= limit) break;
			contacts.push({
				waId: contact.waId,
				phoneNumber: contact.waId ? `+${contact.waId}` : null,
				blocked: true,
			});
		}
		// A page without contacts ends the list even if it names a next cursor.
		after = page.contacts.length > 0 ? page.after : null;
	} while (after && contacts.length < limit);
	return contacts;
}
