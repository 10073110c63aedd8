/**
 * The emulator's routes. Blocking contacts: /block_users as 360dialog's Messaging API reference "Block
 * Users" and Meta's "Block users" describe it: POST blocks, DELETE unblocks (both at most 1,000 users a
 * request, errors per user, a partial success is HTTP 400 with code 139100 and the per-user lists), GET
 * lists with `limit` and an `after` cursor.
 */
import { cursorPage, metaError, type Route } from '../core';
import type { Emulator } from '../server';

const MAX_PER_REQUEST = 1000;
/** The business's own number (statusDelivery's metadata): a number cannot block itself (131021). */
const OWN_NUMBER = '4930123456';

type Failure = { input: string; wa_id?: string; errors: unknown[] };

function failure(
	input: string,
	waId: string | undefined,
	code: number,
	message: string,
	details: string,
): Failure {
	return {
		input,
		...(waId ? { wa_id: waId } : {}),
		errors: [{ message, code, error_data: { details } }],
	};
}

/** The contact behind a `user`: phone digits, or a known user ID's digits (null: a username contact without a number). */
function contactOf(emulator: Emulator, user: string): string | undefined {
	if (/^\+?\d{6,16}$/.test(user)) return user.replace(/^\+/, '');
	if (emulator.usernameContacts.has(user)) return emulator.usernameContacts.get(user) ?? user;
	return undefined;
}

function changeBlocks(emulator: Emulator, method: 'POST' | 'DELETE', json: Record<string, any>) {
	if (json.messaging_product !== 'whatsapp')
		return metaError(400, 100, 'Invalid parameter', 'messaging_product must be "whatsapp"');
	const users: unknown[] = Array.isArray(json.block_users) ? json.block_users : [];
	if (users.length === 0)
		return metaError(400, 100, 'Invalid parameter', 'block_users must list at least one user');
	if (users.length > MAX_PER_REQUEST)
		return metaError(429, 130429, 'Rate limit hit', `At most ${MAX_PER_REQUEST} users per request`);
	const done: Array<{ input: string; wa_id: string }> = [];
	const failed: Failure[] = [];
	for (const entry of users) {
		const input = String((entry as { user?: unknown })?.user ?? '');
		const contact = contactOf(emulator, input);
		if (!contact) {
			failed.push(
				failure(
					input,
					undefined,
					131047,
					'Re-engagement message',
					'User is not a valid WhatsApp user',
				),
			);
			continue;
		}
		if (method === 'POST') {
			if (contact === OWN_NUMBER) {
				failed.push(
					failure(
						input,
						contact,
						131021,
						'Recipient cannot be sender',
						'Failed to block self phone number',
					),
				);
				continue;
			}
			if (emulator.closedWindows.has(contact)) {
				failed.push(
					failure(
						input,
						contact,
						131047,
						'Re-engagement message',
						'User has not messaged in the last 24 hours',
					),
				);
				continue;
			}
			if (!emulator.blocked.has(contact) && emulator.blocked.size >= 64_000) {
				failed.push(
					failure(
						input,
						contact,
						139101,
						'Blocklist limit reached',
						'The blocklist has 64,000 users',
					),
				);
				continue;
			}
			emulator.blocked.add(contact);
		} else emulator.blocked.delete(contact);
		done.push({ input, wa_id: contact });
	}
	const lists = {
		[method === 'POST' ? 'added_users' : 'removed_users']: done,
		...(failed.length ? { failed_users: failed } : {}),
	};
	if (failed.length === 0)
		return { status: 200, body: { messaging_product: 'whatsapp', block_users: lists } };
	return {
		status: 400,
		body: {
			messaging_product: 'whatsapp',
			block_users: lists,
			error: {
				message: '(#139100) Failed to block/unblock users',
				type: 'OAuthException',
				code: 139100,
				error_data: {
					details: 'Failed to block some users, see the block_users response list for details',
				},
				fbtrace_id: 'emulator',
			},
		},
	};
}

/** GET, POST and DELETE /block_users. */
export const contactsRoute: Route = (emulator, { method, path, url, json }) => {
	if (path !== '/block_users') return undefined;
	if (method === 'POST' || method === 'DELETE') return changeBlocks(emulator, method, json);
	if (method === 'GET') {
		const { page, paging } = cursorPage([...emulator.blocked], url, 100);
		return {
			status: 200,
			body: {
				// 360dialog's schema: data[].block_users[] of { input, wa_id }.
				data: [{ block_users: page.map((waId) => ({ input: waId, wa_id: waId })) }],
				paging,
			},
		};
	}
	return { status: 405, body: { error: `${method} is not allowed` } };
};
