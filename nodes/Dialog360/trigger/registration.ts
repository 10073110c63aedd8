import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { randomBytes } from 'crypto';

import { apiRequest } from '../transport/request';

/** The header 360dialog sends with every delivery, carrying the secret this node generated. */
export const DELIVERY_HEADER = 'x-n8n-360dialog-secret';

export interface RegistrationState extends IDataObject {
	secret?: string;
	previousUrl?: string | null;
	previousHeaders?: IDataObject | null;
	registeredUrl?: string;
	/** The name of this node's extra destination when it joined /multi_webhook. */
	destinationName?: string;
}

/** 360dialog's limit of extra destinations per number. [H] §8.3 */
export const MAX_EXTRA_DESTINATIONS = 3;

interface Destination extends IDataObject {
	name: string;
	url: string;
	headers?: IDataObject;
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

async function destinations(ctx: IHookFunctions): Promise<{ enabled: boolean; destinations: Destination[] }> {
	const response = await apiRequest.call(ctx, { method: 'GET', endpoint: 'multiWebhook', idempotent: true });
	const list = Array.isArray(response.destinations) ? (response.destinations as Destination[]) : [];
	return { enabled: response.enabled !== false, destinations: list };
}

/** The destination name this node uses: stable for the URL, unique enough next to a CRM's names. */
export function destinationNameFor(url: string): string {
	const id = url.split('/').filter(Boolean).slice(-2).join('-').replace(/[^A-Za-z0-9-]/g, '').slice(-24);
	return `n8n-${id}`;
}

export async function destinationExists(ctx: IHookFunctions, url: string): Promise<boolean> {
	const state = registrationState(ctx);
	if (!state.secret || !state.destinationName) return false;
	const current = await destinations(ctx);
	return current.enabled && current.destinations.some((destination) => destination.name === state.destinationName && destination.url === url);
}

/** Joins /multi_webhook as an extra destination, next to the main URL another system owns. */
export async function addDestination(ctx: IHookFunctions, url: string): Promise<void> {
	const state = registrationState(ctx);
	state.secret ??= randomBytes(24).toString('hex');
	const name = destinationNameFor(url);
	const current = await destinations(ctx);
	const others = current.destinations.filter((destination) => destination.name !== name && destination.name !== state.destinationName);
	if (others.length >= MAX_EXTRA_DESTINATIONS) {
		throw new NodeOperationError(
			ctx.getNode(),
			`360dialog allows at most ${MAX_EXTRA_DESTINATIONS} extra webhook destinations per number, and this number has ${others.length} (${others.map((destination) => destination.name).join(', ')})`,
			{ description: 'Remove one in the 360dialog Hub, or choose "Replace the Main Webhook URL" under Register As.' },
		);
	}
	await apiRequest.call(ctx, {
		method: 'POST',
		endpoint: 'multiWebhook',
		body: { enabled: true, destinations: [...others, { name, url, headers: { [DELIVERY_HEADER]: state.secret } }] },
		idempotent: true,
	});
	state.destinationName = name;
}

export async function removeDestination(ctx: IHookFunctions): Promise<void> {
	const state = registrationState(ctx);
	if (!state.destinationName) return;
	const current = await destinations(ctx);
	const remaining = current.destinations.filter((destination) => destination.name !== state.destinationName);
	if (remaining.length !== current.destinations.length) {
		await apiRequest.call(ctx, { method: 'POST', endpoint: 'multiWebhook', body: { enabled: current.enabled, destinations: remaining }, idempotent: true });
	}
	delete state.destinationName;
}
