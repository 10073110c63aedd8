/** Block and Unblock share their fields and their run: the contacts, in requests of the documented size. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { hintFor } from '../../domain/apiErrors';
import {
	batchesOf,
	blockRequestBody,
	blockResultsOf,
	isBlockUsersAnswer,
	readBlockTargets,
	type BlockAction,
} from '../../domain/blockUsers';
import { toJson } from '../../domain/values';
import { apiRequest } from '../../transport/request';
import { optionsCollection } from '../descriptions/collections';
import { defaultCountryOption } from '../descriptions/sending';
import { assertNoViolations } from '../validation';

export function blockingProperties(action: BlockAction): INodeProperties[] {
	return [
		{
			displayName: 'Contacts',
			name: 'contacts',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. +44 7700 900123, DE.8827364519203746',
			description:
				action === 'block'
					? 'Phone numbers with their country code or WhatsApp user IDs, one per line or separated by commas (an expression may give a list). Only contacts who wrote to you in the last 24 hours can be blocked.'
					: 'Phone numbers with their country code or WhatsApp user IDs, one per line or separated by commas (an expression may give a list)',
		},
		optionsCollection([defaultCountryOption]),
	];
}

/**
 * One item per contact, in the order written, with `blocked` (the state after the request) and
 * `error` (why WhatsApp refused this contact, null when it did not). A partial success is not an
 * error of the item: the contacts WhatsApp refused say so in their own items.
 */
export async function runBlocking(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: BlockAction,
): Promise<IDataObject[]> {
	const raw = ctx.getNodeParameter('contacts', itemIndex, '');
	const options = ctx.getNodeParameter('options', itemIndex, {}) as { defaultCountry?: string };
	const { targets, violations } = readBlockTargets(raw, options.defaultCountry);
	assertNoViolations(
		ctx,
		violations,
		itemIndex,
		`${action === 'block' ? 'Block' : 'Unblock'} request`,
	);
	const results: IDataObject[] = [];
	for (const batch of batchesOf(targets)) {
		const answer = await apiRequest.call(ctx, {
			method: action === 'block' ? 'POST' : 'DELETE',
			endpoint: 'blockUsers',
			body: toJson(blockRequestBody(batch)),
			// Blocking or unblocking again changes nothing: a request that may have been lost is repeated.
			idempotent: true,
			resultInError: isBlockUsersAnswer,
			hintContexts: action === 'block' ? ['blockUsers'] : [],
			itemIndex,
		});
		for (const result of blockResultsOf(answer, action, batch)) {
			// The 24-hour rule is the block's only (an unblock has none): its hints are the block's.
			const hint =
				result.errorCode !== null
					? hintFor(
							{ httpCode: 400, code: result.errorCode, message: '' },
							action === 'block' ? ['blockUsers'] : [],
						)
					: undefined;
			results.push(toJson(hint ? { ...result, hint } : result));
		}
	}
	return results;
}
