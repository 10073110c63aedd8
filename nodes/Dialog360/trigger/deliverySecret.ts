/**
 * The secret 360dialog sends with every delivery (registration.ts registers it in DELIVERY_HEADER).
 * Only its SHA-256 is kept in the trigger's static data: n8n 2.8 copies the workflow's static data
 * into every execution it stores, and a comparison is all a delivery needs.
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';

import type { RegistrationState } from './registration';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Replaces a plain secret kept by an earlier version with its hash. */
function hashKeptSecret(state: RegistrationState): void {
	if (typeof state.secret !== 'string') return;
	state.secretHash = sha256(state.secret).toString('hex');
	delete state.secret;
}

/** Whether a header value is this node's secret: hashes compared in constant time. */
export function deliverySecretMatches(state: RegistrationState, received: unknown): boolean {
	hashKeptSecret(state);
	if (typeof state.secretHash !== 'string' || typeof received !== 'string') return false;
	const expected = Buffer.from(state.secretHash, 'hex');
	const given = sha256(received);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The secret to register: the one 360dialog already sends for this URL when it is still this node's
 * (`configured`), the plain one an earlier version kept, or a new one. Only its hash is kept.
 */
export function secretFor(state: RegistrationState, configured: unknown): string {
	if (typeof state.secret === 'string') {
		const kept = state.secret;
		hashKeptSecret(state);
		return kept;
	}
	if (typeof configured === 'string' && deliverySecretMatches(state, configured)) return configured;
	const secret = randomBytes(24).toString('hex');
	state.secretHash = sha256(secret).toString('hex');
	return secret;
}
