/**
 * How the trigger joins a number's webhook and leaves it as it found it. A number has one main URL
 * (`/v1/configs/webhook`) and up to 3 extra destinations (`/multi_webhook`). Production activations
 * take the main URL (and put the previous one back) or add one extra destination; a test from the
 * editor never takes over a URL that is in use: it joins as an extra destination, or borrows the
 * main URL only while the number has none.
 */
import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { createHash } from 'crypto';

import { MULTI_WEBHOOK_RULES } from '../domain/environments';
import { apiRequest } from '../transport/request';
import { isTestRun, ownSecret, secretFor } from './deliverySecret';
import { TRIGGER_DELIVERY_HEADER } from '../domain/account';

/** The header 360dialog sends with every delivery, carrying the secret this node generated. */
export const DELIVERY_HEADER = TRIGGER_DELIVERY_HEADER;

/** 360dialog's limit of extra destinations per number (its page: MULTI_WEBHOOK_RULES.source). */
export const MAX_EXTRA_DESTINATIONS = MULTI_WEBHOOK_RULES.maxDestinations;

export interface RegistrationState extends IDataObject {
	/** The SHA-256 of the secret 360dialog sends in DELIVERY_HEADER (trigger/deliverySecret.ts). */
	secretHash?: string;
	/** The plain secret, as 0.1.0 kept it; replaced by its hash when next seen. */
	secret?: string;
	/** The main URL (and its headers) before this node took it; null when there was none. */
	previousUrl?: string | null;
	previousHeaders?: IDataObject | null;
	registeredUrl?: string;
}

interface Destination extends IDataObject {
	name: string;
	url: string;
	headers?: IDataObject;
}

export function registrationState(ctx: IHookFunctions): RegistrationState {
	return ctx.getWorkflowStaticData('node') as RegistrationState;
}

/** Whether this activation is "Test this trigger" in the editor (n8n calls create in manual mode). */
export const isTestActivation = isTestRun;

export async function configuredWebhook(
	ctx: IHookFunctions,
): Promise<{ url: string | null; headers: IDataObject | null }> {
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

async function setMainWebhook(
	ctx: IHookFunctions,
	url: string | null,
	headers: IDataObject | null,
): Promise<void> {
	// An empty URL removes the main webhook: our reading, 360dialog documents no call that deletes
	// it; see MULTI_WEBHOOK_RULES.
	await apiRequest.call(ctx, {
		method: 'POST',
		endpoint: 'webhook',
		body: url === null ? { url: '' } : { url, headers: headers ?? {} },
		idempotent: true,
	});
}

/** Takes the main URL, remembering what was there (also "no URL") to put it back later. */
export async function registerMain(ctx: IHookFunctions, url: string): Promise<void> {
	const state = registrationState(ctx);
	const current = await configuredWebhook(ctx);
	if (current.url !== url) {
		state.previousUrl = current.url;
		state.previousHeaders = current.headers;
	}
	await setMainWebhook(ctx, url, { [DELIVERY_HEADER]: await secretFor(ctx, state) });
	state.registeredUrl = url;
}

/** Puts back the main URL that was there before this node took it, "no URL" included. */
async function restoreMain(ctx: IHookFunctions, url: string): Promise<void> {
	const state = registrationState(ctx);
	const current = await configuredWebhook(ctx);
	// Only a URL that is still ours is given back: someone may have set another one since.
	if (current.url === url)
		await setMainWebhook(ctx, state.previousUrl ?? null, state.previousHeaders ?? null);
	delete state.registeredUrl;
	delete state.previousUrl;
	delete state.previousHeaders;
}

async function multiWebhook(
	ctx: IHookFunctions,
): Promise<{ enabled: boolean; destinations: Destination[] }> {
	const response = await apiRequest.call(ctx, {
		method: 'GET',
		endpoint: 'multiWebhook',
		idempotent: true,
	});
	const destinations = (Array.isArray(response.destinations) ? response.destinations : []).filter(
		(destination): destination is Destination =>
			typeof destination === 'object' &&
			destination !== null &&
			typeof (destination as Destination).name === 'string',
	);
	return { enabled: response.enabled === true, destinations };
}

/**
 * The destination name this node uses for a URL: stable, different for the test and the production
 * URL of one node, and short enough to read in the 360dialog Hub.
 */
export function destinationNameFor(url: string): string {
	const test = url.includes('/webhook-test/') ? 'test-' : '';
	return `n8n-${test}${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
}

function ownDestination(destinations: Destination[], url: string): Destination | undefined {
	return (
		destinations.find((destination) => destination.name === destinationNameFor(url)) ??
		destinations.find((destination) => destination.url === url)
	);
}

/** Adds (or updates) this node's one named destination, next to the main URL another system owns. */
export async function addDestination(ctx: IHookFunctions, url: string): Promise<void> {
	const state = registrationState(ctx);
	const current = await multiWebhook(ctx);
	const existing = ownDestination(current.destinations, url);
	const destination = {
		name: destinationNameFor(url),
		url,
		headers: { [DELIVERY_HEADER]: await secretFor(ctx, state) },
	};
	if (existing) {
		await apiRequest.call(ctx, {
			method: 'PATCH',
			endpoint: 'multiWebhook',
			body: { ...destination, name: existing.name },
			idempotent: true,
		});
		return;
	}
	const others = current.destinations;
	if (others.length >= MAX_EXTRA_DESTINATIONS) {
		throw new NodeOperationError(
			ctx.getNode(),
			`360dialog allows at most ${MAX_EXTRA_DESTINATIONS} extra webhook destinations per number, and this number has ${others.length} (${others.map((other) => other.name).join(', ')})`,
			{
				description:
					'Remove one in the 360dialog Hub, or choose "Replace the Main Webhook URL" under Register As.',
			},
		);
	}
	if (current.enabled) {
		await apiRequest.call(ctx, {
			method: 'PUT',
			endpoint: 'multiWebhook',
			body: { destinations: [destination] },
			idempotent: true,
		});
		return;
	}
	if (others.length > 0) {
		// Switching the feature on would also switch on destinations someone else switched off.
		throw new NodeOperationError(
			ctx.getNode(),
			`Extra webhook destinations are switched off for this number, and it has ${others.length} (${others.map((other) => other.name).join(', ')})`,
			{
				description:
					'Joining would switch them on too. Switch them on or remove them in the 360dialog Hub, or choose "Replace the Main Webhook URL" under Register As.',
			},
		);
	}
	await apiRequest.call(ctx, {
		method: 'POST',
		endpoint: 'multiWebhook',
		body: { enabled: true, destinations: [destination] },
		idempotent: true,
	});
}

/**
 * Whether a registered header carries this trigger's derived secret. Only that one counts as
 * registered: a secret an earlier version drew is registered anew, so that deliveries no longer
 * depend on the static data that keeps its hash.
 */
async function carriesOwnSecret(ctx: IHookFunctions, headers?: IDataObject | null) {
	const header = headers?.[DELIVERY_HEADER];
	return typeof header === 'string' && header === (await ownSecret(ctx));
}

export async function destinationExists(ctx: IHookFunctions, url: string): Promise<boolean> {
	const current = await multiWebhook(ctx);
	const existing = ownDestination(current.destinations, url);
	return (
		current.enabled && existing?.url === url && (await carriesOwnSecret(ctx, existing.headers))
	);
}

/**
 * Removes this node's destination for the URL, if it is there. The one that leaves the list empty
 * switches the feature off again: on with no destinations does nothing, and off is how a number
 * without extra destinations starts (whichever workflow switched it on may have left first).
 */
async function removeDestination(ctx: IHookFunctions, url: string): Promise<void> {
	const current = await multiWebhook(ctx);
	const existing = ownDestination(current.destinations, url);
	if (!existing) return;
	await apiRequest.call(ctx, {
		method: 'DELETE',
		endpoint: 'multiWebhook',
		body: { name: existing.name },
		idempotent: true,
	});
	if (current.enabled && current.destinations.length === 1) {
		await apiRequest.call(ctx, {
			method: 'POST',
			endpoint: 'multiWebhook',
			body: { enabled: false },
			idempotent: true,
		});
	}
}

/**
 * "Test this trigger": never takes over a URL in use. With a main URL set, joins as an extra
 * destination (360dialog copies each event to it once the main URL has answered 200); with none,
 * borrows the main URL until the test ends.
 */
async function joinForTest(ctx: IHookFunctions, url: string): Promise<void> {
	const current = await configuredWebhook(ctx);
	if (current.url === null || current.url === url) await registerMain(ctx, url);
	else await addDestination(ctx, url);
}

export async function registrationExists(
	ctx: IHookFunctions,
	url: string,
	joinAsExtra: boolean,
): Promise<boolean> {
	if (!url) return false;
	const main = await configuredWebhook(ctx);
	const ownsMain = main.url === url && (await carriesOwnSecret(ctx, main.headers));
	if (ownsMain && !joinAsExtra) return true;
	if (isTestActivation(ctx) && ownsMain) return true;
	if (!joinAsExtra && !isTestActivation(ctx)) return false;
	return await destinationExists(ctx, url);
}

export async function joinWebhook(
	ctx: IHookFunctions,
	url: string,
	joinAsExtra: boolean,
): Promise<void> {
	if (isTestActivation(ctx)) await joinForTest(ctx, url);
	else if (joinAsExtra) await addDestination(ctx, url);
	else await registerMain(ctx, url);
}

/**
 * Leaves the number's webhook as it was: this URL's destination removed wherever it is, and the main
 * URL given back if this URL holds it. Works from the URL alone, so a test that timed out and a
 * production deactivation after a change of Register As both clean up.
 */
export async function leaveWebhook(ctx: IHookFunctions, url: string): Promise<void> {
	await removeDestination(ctx, url);
	await restoreMain(ctx, url);
}
