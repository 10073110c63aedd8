/** The emulator's routes. Webhook configuration: the main URL (/v1/configs/webhook) and the extra destinations (/multi_webhook). */
import type { Route } from '../core';
import type { Emulator } from '../server';

/** GET and POST /v1/configs/webhook; /multi_webhook. */
export const webhookConfigRoute: Route = (emulator, { method, path, json }) => {
	if (path === '/v1/configs/webhook') {
		if (method === 'GET') {
			if (!emulator.webhook.url)
				return {
					status: 404,
					body: {
						meta: { success: false, http_code: 404, developer_message: 'No webhook configured' },
					},
				};
			return {
				status: 200,
				body: { url: emulator.webhook.url, headers: emulator.webhook.headers },
			};
		}
		if (method === 'POST') {
			if (typeof json.url !== 'string')
				return {
					status: 400,
					body: {
						meta: { success: false, http_code: 400, developer_message: 'url is required' },
					},
				};
			// An empty URL removes the main webhook (the package's reading of the API; see environments.ts).
			emulator.webhook =
				json.url === ''
					? { url: null, headers: {} }
					: { url: json.url, headers: (json.headers as Record<string, string>) ?? {} };
			return { status: 200, body: { url: emulator.webhook.url } };
		}
	}

	if (path === '/multi_webhook') return multiWebhookRoute(emulator, method, json);
	return undefined;
};

/**
 * /multi_webhook as 360dialog's Messaging API reference describes it: POST enables or disables
 * (with initial destinations only while disabled), PUT appends, PATCH updates one destination by
 * name, DELETE removes one by name. Names are unique; at most 3 destinations.
 */
function multiWebhookRoute(
	emulator: Emulator,
	method: string,
	json: Record<string, any>,
): { status: number; body: unknown } {
	const current = emulator.multiWebhook;
	type Destination = { name: string; url: string; headers?: Record<string, string> };
	const incoming: Destination[] = Array.isArray(json.destinations) ? json.destinations : [];
	const conflict = (list: Destination[]) =>
		new Set(list.map((destination) => destination.name)).size !== list.length;
	switch (method) {
		case 'GET':
			return { status: 200, body: current };
		case 'POST': {
			if (typeof json.enabled !== 'boolean')
				return { status: 400, body: { error: 'enabled is required' } };
			if (json.enabled && current.enabled && incoming.length)
				return {
					status: 409,
					body: { error: 'Multi-webhook is already enabled; use PUT to add destinations' },
				};
			const destinations = [...current.destinations, ...incoming];
			if (destinations.length > 3)
				return { status: 400, body: { error: 'At most 3 destinations per number' } };
			if (conflict(destinations))
				return { status: 409, body: { error: 'Destination names must be unique' } };
			emulator.multiWebhook = { enabled: json.enabled, destinations };
			return { status: 200, body: { message: json.enabled ? 'enabled' : 'disabled' } };
		}
		case 'PUT': {
			if (!current.enabled)
				return {
					status: 400,
					body: { error: 'Multi-webhook is not enabled; enable it with POST first' },
				};
			const destinations = [...current.destinations, ...incoming];
			if (conflict(destinations))
				return { status: 409, body: { error: 'Destination names must be unique' } };
			if (destinations.length > 3)
				return { status: 400, body: { error: 'At most 3 destinations per number' } };
			emulator.multiWebhook = { ...current, destinations };
			return { status: 200, body: { message: 'added' } };
		}
		case 'PATCH': {
			const index = current.destinations.findIndex((destination) => destination.name === json.name);
			if (index === -1)
				return { status: 404, body: { error: `No destination named ${String(json.name)}` } };
			const destinations = [...current.destinations];
			destinations[index] = {
				name: json.name,
				url: json.url ?? destinations[index].url,
				headers: json.headers ?? destinations[index].headers,
			};
			emulator.multiWebhook = { ...current, destinations };
			return { status: 200, body: { message: 'updated' } };
		}
		case 'DELETE': {
			const destinations = current.destinations.filter(
				(destination) => destination.name !== json.name,
			);
			if (destinations.length === current.destinations.length)
				return { status: 404, body: { error: `No destination named ${String(json.name)}` } };
			emulator.multiWebhook = { ...current, destinations };
			return { status: 200, body: { message: 'deleted' } };
		}
		default:
			return { status: 405, body: { error: `${method} is not allowed` } };
	}
}
