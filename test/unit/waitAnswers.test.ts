import { createHmac } from 'node:crypto';

import fc from 'fast-check';

import { readRecipientId } from '../../nodes/Dialog360/domain/identity';
import {
	answererKey,
	bindingOf,
	decodeWaitToken,
	encodeWaitToken,
	markAnswered,
	rememberWait,
	resumeUrlOf,
	signedQuery,
	WAIT_RULES,
	waitAnsweredBy,
	type PendingWaits,
	type WaitToken,
} from '../../nodes/Dialog360/domain/waitAnswers';
import type { WebhookContact } from '../../nodes/Dialog360/domain/identity';

const contact = (ids: Partial<WebhookContact>): WebhookContact => ({
	key: null,
	address: null,
	userId: null,
	parentUserId: null,
	username: null,
	phoneNumber: null,
	waId: null,
	profileName: null,
	...ids,
});

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const idPart = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const token = fc.record<WaitToken>({
	binding: fc.constantFrom('p', 'u', 'P'),
	answer: fc.constantFrom('approve', 'decline', 'text'),
	executionId: idPart,
	nodeId: idPart,
	signature: hex64,
});

describe('wait tokens', () => {
	it('read back what was written, and fit in a reply button ID with a UUID node and a long execution ID', () => {
		fc.assert(
			fc.property(token, (written) =>
				expect(decodeWaitToken(encodeWaitToken(written))).toEqual(written),
			),
		);
		const longest = encodeWaitToken({
			binding: 'P',
			answer: 'decline',
			executionId: '9'.repeat(20),
			nodeId: 'd1000000-0000-4000-8000-000000000002',
			signature: 'f'.repeat(64),
		});
		expect(longest.length).toBeLessThanOrEqual(256);
	});

	it('refuse anything that is not a whole token: other button IDs, a changed part, extra text', () => {
		fc.assert(
			fc.property(
				token,
				fc.nat(),
				fc.string({ minLength: 1, maxLength: 3 }),
				(written, at, noise) => {
					const text = encodeWaitToken(written);
					const cut = at % text.length;
					const changed =
						text.slice(0, cut) + noise.replace(/[A-Za-z0-9_:-]/g, '!') + text.slice(cut + 1);
					if (changed !== text) expect(decodeWaitToken(changed)).toBeUndefined();
					expect(decodeWaitToken(`${text} `)).toBeUndefined();
				},
			),
		);
		for (const other of [
			'yes',
			'n8nwait',
			`${WAIT_RULES.prefix}:x:a:1:n:${'0'.repeat(64)}`,
			42,
			null,
		])
			expect(decodeWaitToken(other)).toBeUndefined();
	});
});

describe('who may answer', () => {
	it('binds a phone recipient by its digits with the Brazilian legacy form folded, a user ID as it is', () => {
		const brazil = bindingOf(readRecipientId('+55 11 98765-4321'));
		expect(brazil.binding).toBe('p');
		expect(answererKey('p', contact({ waId: '551187654321' }))).toBe(brazil.key);
		expect(answererKey('p', contact({ waId: '5511987654321' }))).toBe(brazil.key);
		expect(bindingOf(readRecipientId('DE.8827364519203746'))).toEqual({
			binding: 'u',
			key: 'DE.8827364519203746',
		});
		expect(bindingOf(readRecipientId('US.ENT.11815799212886844830')).binding).toBe('P');
		expect(answererKey('u', contact({ waId: '4915112345678' }))).toBeNull();
		expect(answererKey('p', null)).toBeNull();
	});

	it('rebuilds the URL n8n signed: the same signature holds for the recipient and fails for anyone else', () => {
		const secret = 'instance-secret';
		const base = 'https://n8n.example.com/webhook-waiting';
		// What getSignedResumeUrl does: the query set in order, the URL signed, the signature appended.
		const signed = new URL(`${base}/77/d1000000-0000-4000-8000-000000000002`);
		for (const [name, value] of Object.entries(signedQuery('approve', '447700900123')))
			signed.searchParams.set(name, value);
		const sign = (url: URL) =>
			createHmac('sha256', secret).update(`${url.host}${url.pathname}${url.search}`).digest('hex');
		const written: WaitToken = {
			binding: 'p',
			answer: 'approve',
			executionId: '77',
			nodeId: 'd1000000-0000-4000-8000-000000000002',
			signature: sign(signed),
		};
		const check = (url: string) => {
			const parsed = new URL(url);
			const given = parsed.searchParams.get('signature');
			parsed.searchParams.delete('signature');
			return given === sign(parsed);
		};
		expect(check(resumeUrlOf(`${base}/`, written, '447700900123'))).toBe(true);
		expect(check(resumeUrlOf(base, written, '4915199999999'))).toBe(false);
		expect(check(resumeUrlOf(base, { ...written, answer: 'decline' }, '447700900123'))).toBe(false);
	});
});

describe('Free Text questions the trigger keeps', () => {
	const wait = (messageId: string, at: number) => ({ token: `t-${messageId}`, messageId, at });

	it('answers a reply to a question with that question, a plain text with the newest', () => {
		let pending: PendingWaits = {};
		pending = rememberWait(pending, 'p:1', wait('q1', 1), 1);
		pending = rememberWait(pending, 'p:1', wait('q2', 2), 2);
		// A later status of q1 (its "read" after q2's "sent") changes nothing.
		expect(rememberWait(pending, 'p:1', wait('q1', 3), 3)).toBe(pending);
		expect(pending['p:1'].map((entry) => entry.messageId)).toEqual(['q1', 'q2']);
		expect(waitAnsweredBy(pending, 'p:1', 'q1')?.messageId).toBe('q1');
		expect(waitAnsweredBy(pending, 'p:1', undefined)?.messageId).toBe('q2');
		expect(waitAnsweredBy(pending, 'p:2', 'q2')).toBeUndefined();
	});

	it('an answered question waits no more, and its late statuses do not reopen it', () => {
		let pending: PendingWaits = {};
		pending = rememberWait(pending, 'p:1', wait('q1', 1), 1);
		pending = rememberWait(pending, 'p:1', wait('q2', 2), 2);
		pending = markAnswered(pending, 'p:1', 'q2');
		expect(waitAnsweredBy(pending, 'p:1', 'q2')?.messageId).toBe('q1');
		expect(rememberWait(pending, 'p:1', wait('q2', 3), 3)).toBe(pending);
		pending = markAnswered(pending, 'p:1', 'q1');
		expect(waitAnsweredBy(pending, 'p:1', undefined)).toBeUndefined();
	});

	it('over the limit for a contact, answered questions go first, then the oldest', () => {
		let pending: PendingWaits = {};
		for (let index = 0; index < WAIT_RULES.pendingPerContact; index++)
			pending = rememberWait(pending, 'p:1', wait(`q${index}`, index), index);
		pending = markAnswered(pending, 'p:1', 'q3');
		pending = rememberWait(pending, 'p:1', wait('new', 10), 10);
		expect(pending['p:1'].map((entry) => entry.messageId)).toEqual(['q0', 'q1', 'q2', 'q4', 'new']);
		pending = rememberWait(pending, 'p:1', wait('newer', 11), 11);
		expect(pending['p:1'].map((entry) => entry.messageId)).toEqual([
			'q1',
			'q2',
			'q4',
			'new',
			'newer',
		]);
	});

	it('keeps at most a few per contact and a bounded number in all, and forgets old ones', () => {
		let pending: PendingWaits = {};
		for (let index = 0; index < WAIT_RULES.pendingTotal + 50; index++)
			pending = rememberWait(pending, `p:${index % 200}`, wait(`q${index}`, index), index);
		const all = Object.values(pending).flat();
		expect(all).toHaveLength(WAIT_RULES.pendingTotal);
		expect(Math.max(...Object.values(pending).map((waits) => waits.length))).toBeLessThanOrEqual(
			WAIT_RULES.pendingPerContact,
		);
		const later = rememberWait(pending, 'p:new', wait('fresh', 1e13), 1e13);
		expect(Object.keys(later)).toEqual(['p:new']);
	});
});
