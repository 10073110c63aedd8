import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeWebhooks } from '../../domain/account';
import { toJson } from '../../domain/values';
import { apiRequest } from '../../transport/request';
import { updateDisplayOptions } from '../displayOptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getWebhookConfiguration'] } },
	[],
);

/** One read per item, one at a time. */
export const runShape = 'perItem';

const httpCodeOf = (error: unknown) => String((error as { httpCode?: unknown }).httpCode ?? '');

/**
 * Where 360dialog sends the number's events: the main URL and the extra destinations, with the names
 * of their headers but never their values (they hold secrets), each marked when it is this n8n's
 * 360dialog WhatsApp Trigger. This n8n's webhook address is n8n's own (WEBHOOK_URL), read from the
 * execution; a trigger is recognised by its path under it, /webhook/<id>/webhook (domain/account.ts).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// 360dialog answers 404 while no main URL is set.
	const main = await apiRequest
		.call(this, { method: 'GET', endpoint: 'webhook', idempotent: true, itemIndex })
		.catch((error: Error) => {
			if (httpCodeOf(error) === '404') return null;
			throw error;
		});
	let multi: IDataObject | null = null;
	let extraDestinationsError: string | undefined;
	try {
		multi = await apiRequest.call(this, {
			method: 'GET',
			endpoint: 'multiWebhook',
			idempotent: true,
			itemIndex,
		});
	} catch (error) {
		// Not every number offers extra destinations (the sandbox, numbers not on the Cloud API).
		extraDestinationsError = (error as Error).message;
	}
	const described = describeWebhooks(main, multi, this.getInstanceBaseUrl());
	return toJson(extraDestinationsError ? { ...described, extraDestinationsError } : described);
}
