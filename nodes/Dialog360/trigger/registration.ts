import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { randomBytes } from 'crypto';

import { apiRequest } from '../transport/request';

/** The header 360dialog sends with every delivery, carrying the secret this node generated. */
export const DELIVERY_HEADER = 'x-n8n-360dialog-secret';

export interface RegistrationState extends IDataObject {
	secret?: string;
	previousUrl?: string | null;
	previousHeaders?: IDataObject | null;
	registeredUrl?: string;
}

export function registrationState(ctx: IHookFunctions): RegistrationState {
	return ctx.getWorkflowStaticData('node') as RegistrationState;
}

export async function configuredWebhook(ctx: IHookFunctions): Promise<{ url: string | null; headers: IDataObject | null }> {
	let response: IDataObject;
	try {
		response = await apiRequest.call(ctx, { method: 'GET', endpoint: 'webhook', idempotent: true });
	} catch (error) {
		// 360dialog answers 404 while no webhook URL is set.
		if ((error as NodeApiError).httpCode === '404') return { url: null, headers: null };
		throw new NodeApiError(ctx.getNode(), error as JsonObject);
	}
	return {
		url: typeof response.url === 'string' && response.url !== '' ? response.url : null,
		headers: (response.headers as IDataObject | undefined) ?? null,
	};
}

export async function register(ctx: IHookFunctions, url: string): Promise<void> {
	const state = registrationState(ctx);
	const current = await configuredWebhook(ctx);
	if (current.url !== url) {
		state.previousUrl = current.url;
		state.previousHeaders = current.headers;
	}
	state.secret ??= randomBytes(24).toString('hex');
	await apiRequest.call(ctx, {
		method: 'POST',
		endpoint: 'webhook',
		body: { url, headers: { [DELIVERY_HEADER]: state.secret } },
		idempotent: true,
	});
	state.registeredUrl = url;
}

/** Puts back the URL that was configured before this workflow was activated. */
export async function restore(ctx: IHookFunctions): Promise<void> {
	const state = registrationState(ctx);
	const current = await configuredWebhook(ctx);
	if (state.registeredUrl && current.url === state.registeredUrl && state.previousUrl) {
		await apiRequest.call(ctx, {
			method: 'POST',
			endpoint: 'webhook',
			body: { url: state.previousUrl, headers: state.previousHeaders ?? {} },
			idempotent: true,
		});
	}
	delete state.registeredUrl;
	delete state.previousUrl;
	delete state.previousHeaders;
}
