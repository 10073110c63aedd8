/**
 * The secret 360dialog sends with every delivery (registration.ts registers it in DELIVERY_HEADER).
 *
 * It is derived, not drawn: an HMAC of the trigger's identity (test or production, workflow, node)
 * keyed with the number's API key, so the process that receives a delivery can compute it without
 * reading anything n8n stores. A stored copy alone is not enough: in queue mode on n8n 2.40+ a worker
 * runs an execution without the workflow's static data and, when the execution changes static data
 * (a Code node counting in `$getWorkflowStaticData`), writes its own copy back whole, which drops
 * the trigger's part (seen in the e2e marketing test: every delivery after the first answered 401).
 * Its SHA-256 is also kept in the static data (never the secret: n8n 2.8 copies static data into
 * every stored execution): a delivery registered before the API key changed, or by an earlier
 * version with a random secret, is still recognised while that copy lasts.
 */
import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { resolveCredentials } from '../transport/credentials';
import type { RegistrationState } from './registration';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** The secret of one trigger: 48 hex characters, the length the random secrets of 0.x had. */
function derivedSecret(apiKey: string, identity: string): string {
	return createHmac('sha256', apiKey)
		.update(`n8n-nodes-360dialog trigger ${identity}`)
		.digest('hex')
		.slice(0, 48);
}

/** Whether this is "Test this trigger" in the editor (n8n runs it, and its deliveries, in manual mode). */
export function isTestRun(ctx: Pick<IHookFunctions | IWebhookFunctions, 'getMode'>): boolean {
	return ctx.getMode() === 'manual';
}

/**
 * This trigger's secret. "Test this trigger" gets its own (its URL is another one); the node's
 * webhook ID is the same in the process that registers and in the one that receives.
 */
export async function ownSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	const { apiKey } = await resolveCredentials.call(ctx);
	return derivedSecret(apiKey, identityOf(ctx));
}

function identityOf(ctx: IHookFunctions | IWebhookFunctions): string {
	const node = ctx.getNode();
	const use = isTestRun(ctx) ? 'test' : 'production';
	return `${use}:${ctx.getWorkflow().id ?? ''}:${node.webhookId ?? node.id}`;
}

/**
 * The receiving side keeps a trigger's secret for a minute, so that a flood of deliveries with a
 * wrong header does not read and decrypt the credential for each one. A new API key is seen within
 * that minute; until then the kept hash of the registered secret still matches.
 */
const RECEIVED_SECRET_TTL_MS = 60_000;
const receivedSecrets = new Map<string, { secret: string; until: number }>();

async function ownSecretForDelivery(ctx: IWebhookFunctions): Promise<string> {
	const identity = identityOf(ctx);
	const now = Date.now();
	const kept = receivedSecrets.get(identity);
	if (kept && kept.until > now) return kept.secret;
	const secret = await ownSecret(ctx);
	if (receivedSecrets.size >= 1_000) receivedSecrets.clear();
	receivedSecrets.set(identity, { secret, until: now + RECEIVED_SECRET_TTL_MS });
	return secret;
}

function sameText(expected: string, given: unknown): boolean {
	if (typeof given !== 'string') return false;
	// Hashes of equal length, compared in constant time.
	return timingSafeEqual(sha256(expected), sha256(given));
}

/** Replaces a plain secret kept by an earlier version with its hash. */
function hashKeptSecret(state: RegistrationState): void {
	if (typeof state.secret !== 'string') return;
	state.secretHash = sha256(state.secret).toString('hex');
	delete state.secret;
}

/** Whether a header value is the secret whose hash the static data keeps (constant time). */
function storedSecretMatches(state: RegistrationState, received: unknown): boolean {
	hashKeptSecret(state);
	if (typeof state.secretHash !== 'string' || typeof received !== 'string') return false;
	const expected = Buffer.from(state.secretHash, 'hex');
	const given = sha256(received);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Whether a header value is this trigger's secret: the kept hash first (no credential read), then
 * the derived secret, which holds whatever became of the static data.
 */
export async function deliverySecretMatches(
	ctx: IWebhookFunctions,
	state: RegistrationState,
	received: unknown,
): Promise<boolean> {
	if (typeof received !== 'string') return false;
	if (storedSecretMatches(state, received)) return true;
	return sameText(await ownSecretForDelivery(ctx), received);
}

/** The secret to register (always the derived one); its hash is kept beside it. */
export async function secretFor(ctx: IHookFunctions, state: RegistrationState): Promise<string> {
	hashKeptSecret(state);
	const secret = await ownSecret(ctx);
	state.secretHash = sha256(secret).toString('hex');
	return secret;
}
