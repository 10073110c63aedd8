/** The Block Users rules: reading the contacts, batches of 1,000, the per-contact results of a partial success, the list's pages. */
import fc from 'fast-check';

import {
	batchesOf,
	BLOCK_USERS_RULES,
	blockedPageOf,
	blockRequestBody,
	blockResultsOf,
	isBlockUsersAnswer,
	readBlockTargets,
	splitContacts,
} from '../../nodes/Dialog360/domain/blockUsers';
import { hintFor } from '../../nodes/Dialog360/domain/apiErrors';
import { namesItsField, validPhone } from '../property/arbitraries';

describe('readBlockTargets', () => {
	it('accepts phone numbers and user IDs written as a list or a text, each once, and sends them as the send fields do', () => {
		const { targets, violations } = readBlockTargets(
			'+49 151 12345678\nDE.8827364519203746; 0049 151-12345678, +44 7700 900123',
		);
		expect(violations).toEqual([]);
		expect(targets.map((target) => target.user)).toEqual([
			'+4915112345678',
			'DE.8827364519203746',
			'+447700900123',
		]);
		expect(readBlockTargets(['07700 900123'], 'GB').targets[0].user).toBe('+447700900123');
	});

	it('good phone numbers are accepted (10,000 runs)', () => {
		fc.assert(
			fc.property(fc.array(validPhone, { minLength: 1, maxLength: 5 }), (drawn) => {
				// National numbers are read with one Default Country: the list keeps those of the first.
				const country = drawn.find((phone) => phone.country)?.country;
				const phones = drawn.filter((phone) => !phone.country || phone.country === country);
				const { targets, violations } = readBlockTargets(
					phones.map((phone) => phone.input),
					country,
				);
				expect(violations).toEqual([]);
				expect(targets.map((target) => target.user)).toEqual([
					...new Set(phones.map((phone) => `+${phone.digits}`)),
				]);
			}),
			{ numRuns: 10_000 },
		);
	});

	it('refuses what is neither a phone number nor a user ID, naming the field and the entry, one line each', () => {
		const { violations } = readBlockTargets('hello, +49 151 12345678, 12');
		expect(violations.map((violation) => violation.message)).toEqual([
			expect.stringMatching(
				/^Contacts entry 1: Recipient "hello" is neither a phone number nor a WhatsApp user ID/,
			),
			expect.stringMatching(/^Contacts entry 3: /),
		]);
		expect(violations.every(namesItsField)).toBe(true);
		expect(readBlockTargets('  ').violations[0].message).toMatch(/^Contacts is empty/);
	});

	it('bad entries are refused naming the field (10,000 runs)', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[a-z!?#]{1,12}$/), (word) => {
				const { targets, violations } = readBlockTargets(word);
				expect(targets).toEqual([]);
				expect(violations).toHaveLength(1);
				expect(namesItsField(violations[0])).toBe(true);
			}),
			{ numRuns: 10_000 },
		);
	});

	it('splits on lines, commas and semicolons and leaves out empty entries', () => {
		expect(splitContacts(' a ,, b;\n c ')).toEqual(['a', 'b', 'c']);
		expect(splitContacts([1, 'x, y', null])).toEqual(['1', 'x', 'y']);
	});
});

describe('batches', () => {
	it('cuts 2,500 contacts into requests of 1,000, 1,000 and 500, in order', () => {
		const list = Array.from({ length: 2500 }, (_, index) => index);
		const batches = batchesOf(list);
		expect(BLOCK_USERS_RULES.maxPerRequest).toBe(1000);
		expect(batches.map((batch) => batch.length)).toEqual([1000, 1000, 500]);
		expect(batches.flat()).toEqual(list);
		expect(batchesOf([])).toEqual([]);
	});

	it('puts each contact in `user` with messaging_product', () => {
		const { targets } = readBlockTargets('+4915112345678');
		expect(blockRequestBody(targets)).toEqual({
			messaging_product: 'whatsapp',
			block_users: [{ user: '+4915112345678' }],
		});
	});
});

describe('blockResultsOf', () => {
	const { targets } = readBlockTargets('+4915112345678, +447700900123, +12015550123');
	const partial = {
		messaging_product: 'whatsapp',
		block_users: {
			added_users: [{ input: '+4915112345678', wa_id: '4915112345678' }],
			failed_users: [
				{
					input: '+447700900123',
					wa_id: '447700900123',
					errors: [
						{
							message: 'Re-engagement message',
							code: 131047,
							error_data: { details: 'User has not messaged in the last 24 hours' },
						},
					],
				},
			],
		},
		error: { code: 139100, message: '(#139100) Failed to block/unblock users' },
	};

	it('gives one result per contact in the order written: blocked, refused with why, not reported', () => {
		expect(isBlockUsersAnswer(partial)).toBe(true);
		expect(blockResultsOf(partial, 'block', targets)).toEqual([
			{
				contact: '+4915112345678',
				waId: '4915112345678',
				action: 'block',
				blocked: true,
				error: null,
				errorCode: null,
			},
			{
				contact: '+447700900123',
				waId: '447700900123',
				action: 'block',
				blocked: false,
				error: 'Re-engagement message: User has not messaged in the last 24 hours',
				errorCode: 131047,
			},
			expect.objectContaining({
				contact: '+12015550123',
				blocked: false,
				error: 'WhatsApp did not report this contact',
			}),
		]);
	});

	it('an unblock reads removed_users; a failed unblock leaves the state unknown', () => {
		const answer = {
			block_users: {
				removed_users: [{ input: '+4915112345678', wa_id: '4915112345678' }],
				failed_users: [{ input: '+447700900123', errors: [] }],
			},
		};
		const results = blockResultsOf(answer, 'unblock', targets.slice(0, 2));
		expect(results.map((result) => [result.blocked, result.error])).toEqual([
			[false, null],
			[null, 'WhatsApp did not say why'],
		]);
	});

	it('an error answer without the lists is not a result', () => {
		expect(isBlockUsersAnswer({ error: { code: 100 } })).toBe(false);
		expect(isBlockUsersAnswer('oops')).toBe(false);
	});
});

describe('blockedPageOf', () => {
	it("reads 360dialog's nested lists and Meta's flat one, and the next cursor only when there is a next page", () => {
		expect(
			blockedPageOf({
				data: [{ block_users: [{ input: '49151', wa_id: '49151' }] }],
				paging: { cursors: { after: 'A' }, next: 'https://x/next' },
			}),
		).toEqual({ contacts: [{ waId: '49151', input: '49151' }], after: 'A' });
		expect(
			blockedPageOf({
				data: [{ messaging_product: 'whatsapp', wa_id: '1' }],
				paging: { cursors: { after: 'B' } },
			}),
		).toEqual({ contacts: [{ waId: '1', input: null }], after: null });
		expect(blockedPageOf(null)).toEqual({ contacts: [], after: null });
	});
});

describe('the error of a send to a blocked contact', () => {
	it('says what happened and how to undo it', () => {
		expect(hintFor({ httpCode: 400, code: 130403, message: '' })).toMatch(
			/^You blocked this contact.*Contact › Unblock/,
		);
	});
});
