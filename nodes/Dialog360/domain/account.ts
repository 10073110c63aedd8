/**
 * The number's state in words: can it send (360dialog's /health_status) and where 360dialog sends its
 * events (/v1/configs/webhook and /multi_webhook), so that "my trigger receives nothing" has an answer.
 *
 * Sources: 360dialog "Health" (https://docs.360dialog.com/docs/messaging-api/api-reference/health)
 * forwarding Meta's health_status (https://developers.facebook.com/docs/whatsapp/cloud-api/health-status):
 * `can_send_message` AVAILABLE, LIMITED or BLOCKED overall and per entity (PHONE_NUMBER, WABA, BUSINESS,
 * APP); a LIMITED entity has `additional_info`, a BLOCKED one `errors` with `error_code`,
 * `error_description` and `possible_solution`. Webhooks: 360dialog "Webhooks"
 * (https://docs.360dialog.com/docs/messaging-api/api-reference/webhooks): GET /multi_webhook gives
 * `enabled` and `destinations` [{ name, url, headers }].
 */
import { isRecord, textOf, textOrNull } from './values';

const ENTITY_WORDS: Record<string, string> = {
	PHONE_NUMBER: 'the phone number',
	WABA: 'the WhatsApp Business Account',
	BUSINESS: 'the business portfolio',
	APP: "360dialog's app",
	MESSAGE_TEMPLATE: 'the template',
};

export interface HealthBlocker {
	entity: string;
	entityType: string;
	id: string | null;
	state: string;
	reason: string;
	solution: string | null;
	errorCode: number | null;
}

export interface HealthSummary {
	canSendMessage: string;
	canSend: boolean;
	summary: string;
	/** The entities that block or limit sending, each with why (empty when the number can send). */
	problems: HealthBlocker[];
	phoneNumberId: string | null;
	wabaId: string | null;
}

function entityProblems(entity: Record<string, unknown>): HealthBlocker[] {
	const entityType = textOrNull(entity.entity_type) ?? 'UNKNOWN';
	const state = textOrNull(entity.can_send_message) ?? 'UNKNOWN';
	if (state === 'AVAILABLE') return [];
	const base = {
		entity: ENTITY_WORDS[entityType] ?? entityType.toLowerCase().replace(/_/g, ' '),
		entityType,
		id: textOrNull(entity.id),
		state,
	};
	const errors = Array.isArray(entity.errors) ? entity.errors.filter(isRecord) : [];
	if (errors.length > 0)
		return errors.map((error) => {
			const code = Number(error.error_code);
			return {
				...base,
				reason: textOrNull(error.error_description) ?? 'No reason given',
				solution: textOrNull(error.possible_solution),
				errorCode: Number.isFinite(code) ? code : null,
			};
		});
	const info = Array.isArray(entity.additional_info)
		? entity.additional_info.map((line) => textOf(line)).filter(Boolean)
		: [];
	return [
		{
			...base,
			reason: info.join(' ') || 'No reason given',
			solution: null,
			errorCode: null,
		},
	];
}

/** /health_status read into words: can the number send, and which entity blocks or limits it, why. */
export function summarizeHealth(body: unknown): HealthSummary {
	const root = isRecord(body) ? body : {};
	const health = isRecord(root.health_status) ? root.health_status : {};
	const canSendMessage = textOrNull(health.can_send_message) ?? 'UNKNOWN';
	const entities = Array.isArray(health.entities) ? health.entities.filter(isRecord) : [];
	const problems = entities.flatMap(entityProblems);
	const idOf = (type: string) =>
		textOrNull(entities.find((entity) => entity.entity_type === type)?.id);
	const named = problems.map((problem) => `${problem.entity}: ${problem.reason}`);
	const summary =
		canSendMessage === 'AVAILABLE'
			? 'The number can send messages.'
			: canSendMessage === 'LIMITED'
				? `The number can send, with limits. ${named.join(' ')}`.trim()
				: canSendMessage === 'BLOCKED'
					? `The number cannot send messages. Blocked by ${named.join('; ') || 'an entity WhatsApp did not name'}.`
					: 'WhatsApp did not say whether the number can send.';
	return {
		canSendMessage,
		canSend: canSendMessage === 'AVAILABLE' || canSendMessage === 'LIMITED',
		summary,
		problems,
		phoneNumberId: idOf('PHONE_NUMBER') ?? textOrNull(root.id),
		wabaId: idOf('WABA'),
	};
}

/** The header that marks deliveries for this package's trigger (trigger/registration.ts). */
export const TRIGGER_DELIVERY_HEADER = 'x-n8n-360dialog-secret';

/**
 * The trigger's webhook path under n8n's webhook base: /<endpoint>/<webhook id>/webhook, the endpoint
 * being "webhook" or "webhook-test" by default (n8n's N8N_ENDPOINT_WEBHOOK may rename it).
 */
const TRIGGER_PATH =
	/\/[^/]+\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/webhook$/i;

export interface WebhookTarget {
	name: string;
	url: string | null;
	/** Header names only: their values are secrets and never leave this function. */
	headerNames: string[];
	isThisN8nTrigger: boolean;
	why: string;
}

function targetOf(
	name: string,
	url: string | null,
	headers: unknown,
	n8nBaseUrl: string | undefined,
): WebhookTarget {
	const headerNames = isRecord(headers) ? Object.keys(headers) : [];
	const base = (n8nBaseUrl ?? '').replace(/\/+$/, '');
	const onThisN8n = Boolean(url && base && url.startsWith(`${base}/`));
	const triggerPath = Boolean(url && TRIGGER_PATH.test(url.split('?')[0]));
	const marked = headerNames.some((header) => header.toLowerCase() === TRIGGER_DELIVERY_HEADER);
	const isThisN8nTrigger = onThisN8n && (triggerPath || marked);
	const why = !url
		? 'No URL is set.'
		: isThisN8nTrigger
			? "It is this n8n's webhook address with the 360dialog WhatsApp Trigger's path."
			: onThisN8n
				? 'It is on this n8n, but not at a 360dialog WhatsApp Trigger path.'
				: triggerPath || marked
					? `It looks like a 360dialog WhatsApp Trigger of another n8n (this n8n's webhook address is ${base || 'unknown'}).`
					: 'It is another system, not this n8n.';
	return { name, url, headerNames, isThisN8nTrigger, why };
}

export interface WebhookConfiguration {
	main: WebhookTarget;
	extraDestinationsEnabled: boolean;
	extraDestinations: WebhookTarget[];
	/** Whether any of them is this n8n's trigger: the question "why does my trigger receive nothing?". */
	reachesThisN8n: boolean;
	summary: string;
}

/**
 * The main URL (null when none is set) and the /multi_webhook answer (null when not readable) as
 * URLs with header names, each marked when it is this n8n's trigger (`n8nBaseUrl`: n8n's webhook base).
 */
export function describeWebhooks(
	main: { url?: unknown; headers?: unknown } | null,
	multi: unknown,
	n8nBaseUrl: string | undefined,
): WebhookConfiguration {
	const mainTarget = targetOf('main', textOrNull(main?.url), main?.headers, n8nBaseUrl);
	const multiBody = isRecord(multi) ? multi : {};
	const enabled = multiBody.enabled === true;
	const extras = (Array.isArray(multiBody.destinations) ? multiBody.destinations : [])
		.filter(isRecord)
		.map((destination) =>
			targetOf(
				textOrNull(destination.name) ?? '',
				textOrNull(destination.url),
				destination.headers,
				n8nBaseUrl,
			),
		);
	// Extra destinations get events only while multi-webhook is on, and only after the main URL answered 200.
	const reaching = [mainTarget, ...(enabled ? extras : [])].filter(
		(target) => target.isThisN8nTrigger,
	);
	const summary = !mainTarget.url
		? 'No main webhook URL is set: 360dialog sends events nowhere (extra destinations only get events the main URL accepted). Activate a workflow with the 360dialog WhatsApp Trigger.'
		: reaching.length > 0
			? `360dialog sends events to this n8n's trigger (${reaching.map((target) => target.name).join(', ')}).`
			: "None of the webhook URLs is this n8n's 360dialog WhatsApp Trigger: activate its workflow (or check n8n's WEBHOOK_URL).";
	return {
		main: mainTarget,
		extraDestinationsEnabled: enabled,
		extraDestinations: extras,
		reachesThisN8n: reaching.length > 0,
		summary,
	};
}
