/**
 * Blocking contacts: 360dialog's /block_users (POST blocks, DELETE unblocks, GET lists with cursors),
 * which forwards Meta's Block Users API.
 *
 * Sources: 360dialog Messaging API reference "Block Users"
 * (https://docs.360dialog.com/docs/messaging-api/api-reference/block-users) and Meta "Block users"
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/block-users/): at most
 * 1,000 users per request, a blocklist of at most 64,000, only users who wrote in the last 24 hours can
 * be blocked, errors per user; a partial success is HTTP 400 with code 139100 and the per-user lists.
 */
import { RecipientError, recipientIdOf, recipientKeyOf, type RecipientId } from './identity';
import type { Violation } from './checks';
import { nextPageCursor } from './paging';
import { isRecord, textOf, textOrNull } from './values';

export const BLOCK_USERS_RULES = {
	maxPerRequest: 1000,
	blocklistLimit: 64_000,
	/** Meta's code of a request in which some or all users failed; the lists say which. */
	partialFailureCode: 139100,
};

export type BlockAction = 'block' | 'unblock';

/** One contact as the user wrote it and as it is sent in `user`. */
export interface BlockTarget {
	contact: string;
	user: string;
	recipient: RecipientId;
}

/**
 * The contacts of one item: a list (an expression giving an array) or a text with one contact per
 * line or separated by commas or semicolons. Empty entries are left out.
 */
export function splitContacts(input: unknown): string[] {
	const entries = Array.isArray(input) ? input.map((entry) => textOf(entry)) : [textOf(input)];
	return entries
		.flatMap((entry) => entry.split(/[\n,;]+/))
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/**
 * Reads the contacts as the package's other recipient fields do (a phone number with its country code,
 * or a WhatsApp user ID); each one that is neither is a violation naming its place in the list. A
 * contact written twice is sent once.
 */
export function readBlockTargets(
	input: unknown,
	defaultCountry?: string,
): { targets: BlockTarget[]; violations: Violation[] } {
	const contacts = splitContacts(input);
	const violations: Violation[] = [];
	if (contacts.length === 0)
		violations.push({
			field: 'Contacts',
			message:
				'Contacts is empty: write at least one phone number with its country code or WhatsApp user ID',
		});
	const targets: BlockTarget[] = [];
	const seen = new Set<string>();
	contacts.forEach((contact, index) => {
		const recipient = recipientIdOf(contact, defaultCountry);
		if (recipient instanceof RecipientError) {
			violations.push({
				field: 'Contacts',
				message: `Contacts entry ${index + 1}: ${recipient.message}`,
			});
			return;
		}
		const key = recipientKeyOf(recipient);
		if (seen.has(key)) return;
		seen.add(key);
		// Meta's `user` takes "the phone number or WhatsApp ID"; a user ID goes in the same field [L].
		const user = recipient.kind === 'phone' ? recipient.e164 : recipient.userId;
		targets.push({ contact, user, recipient });
	});
	return { targets, violations };
}

/** The targets in requests of at most the documented size, in order. */
export function batchesOf<T>(list: T[], size = BLOCK_USERS_RULES.maxPerRequest): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		batches.push(list.slice(start, start + size));
	return batches;
}

export function blockRequestBody(batch: BlockTarget[]): {
	messaging_product: 'whatsapp';
	block_users: Array<{ user: string }>;
} {
	return {
		messaging_product: 'whatsapp',
		block_users: batch.map((target) => ({ user: target.user })),
	};
}

/** Whether an answer (a 200, or the 400 of a partial success) carries the per-user lists. */
export function isBlockUsersAnswer(body: unknown): boolean {
	return isRecord(body) && isRecord(body.block_users);
}

/** What happened to one contact: `blocked` is the state after the request (null when unknown). */
export interface BlockResult {
	contact: string;
	waId: string | null;
	action: BlockAction;
	blocked: boolean | null;
	error: string | null;
	errorCode: number | null;
}

function errorOfFailure(failure: Record<string, unknown>): { text: string; code: number | null } {
	const first = Array.isArray(failure.errors) ? failure.errors.find(isRecord) : undefined;
	if (!first) return { text: 'WhatsApp did not say why', code: null };
	const details = isRecord(first.error_data) ? textOrNull(first.error_data.details) : null;
	const code = Number(first.code);
	const message = textOrNull(first.message) ?? 'Failed';
	return {
		text: details && details !== message ? `${message}: ${details}` : message,
		code: Number.isFinite(code) ? code : null,
	};
}

/**
 * One result per contact of the batch, in its order, from the answer's `added_users` (block) or
 * `removed_users` (unblock) and `failed_users`, matched by the `input` WhatsApp echoes. A contact in
 * neither list is reported as unknown rather than guessed.
 */
export function blockResultsOf(
	body: unknown,
	action: BlockAction,
	batch: BlockTarget[],
): BlockResult[] {
	const lists = isRecord(body) && isRecord(body.block_users) ? body.block_users : {};
	const done = (
		Array.isArray(lists[action === 'block' ? 'added_users' : 'removed_users'])
			? (lists[action === 'block' ? 'added_users' : 'removed_users'] as unknown[])
			: []
	).filter(isRecord);
	const failed = (Array.isArray(lists.failed_users) ? lists.failed_users : []).filter(isRecord);
	const byInput = (list: Array<Record<string, unknown>>, user: string) =>
		list.find((entry) => textOrNull(entry.input) === user);
	return batch.map((target) => {
		const success = byInput(done, target.user);
		if (success)
			return {
				contact: target.contact,
				waId: textOrNull(success.wa_id),
				action,
				blocked: action === 'block',
				error: null,
				errorCode: null,
			};
		const failure = byInput(failed, target.user);
		const why = failure
			? errorOfFailure(failure)
			: { text: 'WhatsApp did not report this contact', code: null };
		return {
			contact: target.contact,
			waId: failure ? textOrNull(failure.wa_id) : null,
			action,
			// A failed block leaves the contact unblocked; after a failed unblock the state is not known.
			blocked: action === 'block' ? false : null,
			error: why.text,
			errorCode: why.code,
		};
	});
}

/** One page of GET /block_users: the blocked contacts and the cursor of the next page, if any. */
export function blockedPageOf(body: unknown): {
	contacts: Array<{ waId: string | null; input: string | null }>;
	after: string | null;
} {
	if (!isRecord(body)) return { contacts: [], after: null };
	const data = Array.isArray(body.data) ? body.data.filter(isRecord) : [];
	// 360dialog's schema nests the users in data[].block_users[]; Meta's page lists them in data[].
	const users = data.flatMap((entry) =>
		Array.isArray(entry.block_users) ? entry.block_users.filter(isRecord) : [entry],
	);
	return {
		contacts: users.map((user) => ({
			waId: textOrNull(user.wa_id),
			input: textOrNull(user.input),
		})),
		after: nextPageCursor(body),
	};
}
