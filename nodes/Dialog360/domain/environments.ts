/**
 * Where each 360dialog environment lives and which path each endpoint has there.
 *
 * 360dialog's Cloud API (waba-v2) mixes Meta-proxied paths without `v1/` with its own `v1/configs/...`
 * paths, and the sandbox puts `v1/` in front of paths that production does not. Every path the package
 * uses is in this one table, so a path that turns out to be wrong is changed here and nowhere else.
 */

import { textOf } from './values';

export type EnvironmentName = 'production' | 'sandbox' | 'custom';

export type EndpointName =
	| 'healthStatus'
	| 'blockUsers'
	| 'messages'
	| 'marketingMessages'
	| 'media'
	| 'mediaItem'
	| 'templates'
	| 'template'
	| 'templateLibrary'
	| 'profile'
	| 'uploads'
	| 'uploadSession'
	| 'webhook'
	| 'multiWebhook'
	| 'flows';

/** Paths with `{name}` placeholders; a missing endpoint is one the environment does not offer. */
type EndpointTable = Partial<Record<EndpointName, string>>;

const CLOUD_API_PATHS: Required<EndpointTable> = {
	healthStatus: '/health_status', // [H] 360dialog "Messaging health status"
	// [H] 360dialog Messaging API reference "Block Users": POST blocks, DELETE unblocks, GET lists.
	blockUsers: '/block_users',
	messages: '/messages', // [H] 360dialog "The basics"
	// [H] 360dialog MM Lite "Sending Messages" (same host, key and body as /messages); see domain/marketingMessages.ts
	marketingMessages: '/marketing_messages',
	media: '/media', // [H] 360dialog media docs
	mediaItem: '/{mediaId}', // [H] 360dialog media docs (GET and DELETE)
	templates: '/v1/configs/templates', // [H] create; [M] list
	template: '/v1/configs/templates/{templateName}', // [M] delete by name, every language
	// [H] a Messaging API call on waba-v2 with the number's key (360dialog API reference "Templates",
	// "Get Message Template Library"); [M] its path, Meta's GET /message_template_library.
	templateLibrary: '/message_template_library',
	profile: '/whatsapp_business_profile', // [H] 360dialog profile docs
	uploads: '/uploads', // [H] resumable upload, step 1
	uploadSession: '/{uploadId}', // [H] resumable upload, step 2 (the id is "upload:...")
	webhook: '/v1/configs/webhook', // [H] older page, [M] current use
	multiWebhook: '/multi_webhook', // [H] 360dialog Messaging API reference; methods in MULTI_WEBHOOK_RULES
	// [H] 360dialog's Messaging API reference "Flows", List Flows: GET on waba-v2 with the number's
	// D360-API-KEY, answering { data: [flows.Flow], paging } with Meta's cursor paging
	// (https://docs.360dialog.com/docs/messaging-api/api-reference/flows). [M] the path /flows: the
	// page's operation block could not be read past its schemas; /flows is Meta's edge
	// (GET /{WABA-ID}/flows) with the account implied, as 360dialog's other Meta-proxied paths. No
	// single-flow path for the number's key could be confirmed, so Flow › Get reads this list.
	flows: '/flows',
};

/**
 * How a number's webhooks are changed. /multi_webhook per 360dialog's Messaging API reference
 * "Webhooks" (https://docs.360dialog.com/docs/messaging-api/api-reference/webhooks) [H]: GET reads,
 * POST enables or disables (initial destinations only while disabled), PUT appends destinations,
 * PATCH updates one by name; DELETE with {"name"} removes one [M] (the reference lists it, its body
 * was not legible in our copy). Extra destinations get an event only after the main URL answered 200.
 * The main URL has no documented removal: POST /v1/configs/webhook with an empty `url` is our reading [L].
 */
export const MULTI_WEBHOOK_RULES = {
	maxDestinations: 3,
	source:
		'https://docs.360dialog.com/partner/messaging/receiving-messages-via-webhook/multiple-webhooks-per-phone-number',
};

export interface Environment {
	label: string;
	baseUrl?: string;
	paths: EndpointTable;
}

export const ENVIRONMENTS: Record<EnvironmentName, Environment> = {
	production: {
		label: 'Production',
		baseUrl: 'https://waba-v2.360dialog.io',
		paths: CLOUD_API_PATHS,
	},
	sandbox: {
		label: 'Sandbox',
		baseUrl: 'https://waba-sandbox.360dialog.io',
		// [H] the sandbox docs name only these; [L] /v1/configs/webhook doubles as the key check because
		// the sandbox documents no /health_status. Anything else fails loudly (see endpointPath).
		paths: {
			healthStatus: '/v1/configs/webhook',
			messages: '/v1/messages',
			templates: '/v1/configs/templates',
			template: '/v1/configs/templates/{templateName}',
			webhook: '/v1/configs/webhook',
		},
	},
	custom: {
		label: 'Custom URL',
		// A proxy in front of production or the local emulator: both speak the Cloud API paths.
		paths: CLOUD_API_PATHS,
	},
};

export class UnsupportedEndpointError extends Error {
	constructor(
		readonly environment: EnvironmentName,
		readonly endpoint: EndpointName,
	) {
		super(
			`The 360dialog ${ENVIRONMENTS[environment].label} environment does not offer "${endpoint}". ` +
				`Choose the Production environment (or a Custom URL) in the credential to use it.`,
		);
		this.name = 'UnsupportedEndpointError';
	}
}

export function isEnvironmentName(value: unknown): value is EnvironmentName {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ENVIRONMENTS, value);
}

/** The base URL without a trailing slash; Custom takes the URL the user typed. */
export function resolveBaseUrl(environment: EnvironmentName, customBaseUrl?: string): string {
	const url = environment === 'custom' ? customBaseUrl : ENVIRONMENTS[environment].baseUrl;
	if (!url || !/^https?:\/\/[^\s/]+/i.test(url.trim())) {
		throw new Error(
			`The credential's Base URL must start with http:// or https:// (got "${url ?? ''}")`,
		);
	}
	return url.trim().replace(/\/+$/, '');
}

export function endpointPath(
	environment: EnvironmentName,
	endpoint: EndpointName,
	params: Record<string, string> = {},
): string {
	const template = ENVIRONMENTS[environment].paths[endpoint];
	if (template === undefined) throw new UnsupportedEndpointError(environment, endpoint);
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined || value === '') {
			throw new Error(`Missing "${name}" for the 360dialog ${endpoint} endpoint`);
		}
		// Colons are legal in a path segment, and upload session ids ("upload:...") are sent with them.
		return encodeURIComponent(value).replace(/%3A/gi, ':');
	});
}

/**
 * Media URLs from `GET /{media-id}` point at Meta's CDN, which does not accept the 360dialog key; the
 * same path and query are served by 360dialog's host. [H] 360dialog media docs
 */
export function rewriteMediaUrl(mediaUrl: string, baseUrl: string): string {
	const parsed = new URL(mediaUrl);
	return `${baseUrl}${parsed.pathname}${parsed.search}`;
}

/** An n8n expression, built from the table above, for places that only take expressions (the credential). */
export function credentialExpression(
	pick: (environment: Environment) => string | undefined,
	fallback?: string,
): string {
	const byEnvironment: Record<string, string> = {};
	for (const [name, environment] of Object.entries(ENVIRONMENTS)) {
		const value = pick(environment);
		if (value !== undefined) byEnvironment[name] = value;
	}
	const orElse = fallback ? ` || ${fallback}` : '';
	return `={{ ${JSON.stringify(byEnvironment)}[$credentials.environment]${orElse} }}`;
}

/** The header every environment reads a number's API key from (https://docs.360dialog.com/docs/whatsapp-api/the-basics). */
export const API_KEY_HEADER = 'D360-API-KEY';

/** The API key kept in a credential, as text (an expression in the credential may give a number). */
export function apiKeyOf(credentials: Record<string, unknown>): string {
	return textOf(credentials.apiKey);
}
