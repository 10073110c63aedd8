import fc from 'fast-check';

import {
	markAnswered,
	mergeWaits,
	overLimit,
	PENDING_RULES,
	rememberWait,
	waitAnsweredBy,
	type PendingWait,
	type PendingWaits,
} from '../../nodes/Dialog360/domain/pendingWaits';

const NOW = 1_800_000_000_000;
const DAY = 24 * 3600 * 1000;
const wait = (messageId: string, at: number, answered = false): PendingWait => ({
	token: `t-${messageId}`,
	messageId,
	at,
	...(answered ? { answered: true as const } : {}),
});
const ids = (waits: PendingWait[] | undefined) => (waits ?? []).map((entry) => entry.messageId);

/**
 * States as concurrent deliveries leave them: a few contacts, questions known to some copies; with
 * `forgets`, enough old and closed questions that the merge forgets some.
 */
const states = (forgets: boolean): fc.Arbitrary<PendingWaits> =>
	fc
		.array(
			fc.record({
				contact: fc.constantFrom('p:1', 'p:2', 'u:US.3'),
				question: fc.integer({ min: 0, max: forgets ? 11 : PENDING_RULES.closedPerContact - 1 }),
				at: fc.integer({ min: NOW - (forgets ? 40 : 29) * DAY, max: NOW }),
				answered: fc.boolean(),
			}),
			{ maxLength: 30 },
		)
		.map((entries) => {
			let pending: PendingWaits = {};
			for (const entry of entries)
				pending = mergeWaits(
					pending,
					{ [entry.contact]: [wait(`q${entry.question}`, entry.at, entry.answered)] },
					NOW,
				);
			return pending;
		});
const state = states(true);

describe('Free Text questions the trigger keeps', () => {
	it('answers a reply to a question with that question, a plain text with the newest', () => {
		let pending: PendingWaits = {};
		pending = rememberWait(pending, 'p:1', wait('q1', NOW + 1), NOW);
		pending = rememberWait(pending, 'p:1', wait('q2', NOW + 2), NOW);
		// A later status of q1 (its "read" after q2's "sent") changes nothing.
		expect(rememberWait(pending, 'p:1', wait('q1', NOW + 3), NOW)).toBe(pending);
		expect(ids(pending['p:1'])).toEqual(['q1', 'q2']);
		expect(waitAnsweredBy(pending, 'p:1', 'q1')?.messageId).toBe('q1');
		expect(waitAnsweredBy(pending, 'p:1', undefined)?.messageId).toBe('q2');
		expect(waitAnsweredBy(pending, 'p:2', 'q2')).toBeUndefined();
	});

	it('an answered question waits no more, and its late statuses do not reopen it', () => {
		let pending: PendingWaits = {};
		pending = rememberWait(pending, 'p:1', wait('q1', NOW + 1), NOW);
		pending = rememberWait(pending, 'p:1', wait('q2', NOW + 2), NOW);
		pending = markAnswered(pending, 'p:1', 'q2', NOW);
		expect(waitAnsweredBy(pending, 'p:1', 'q2')?.messageId).toBe('q1');
		expect(rememberWait(pending, 'p:1', wait('q2', NOW + 3), NOW)).toBe(pending);
		pending = markAnswered(pending, 'p:1', 'q1', NOW);
		expect(waitAnsweredBy(pending, 'p:1', undefined)).toBeUndefined();
	});

	it('two copies changed at once merge into one that lost nothing: commutative, idempotent, and associative while it forgets nothing', () => {
		fc.assert(
			fc.property(state, state, (a, b) => {
				expect(mergeWaits(a, b, NOW)).toEqual(mergeWaits(b, a, NOW));
				expect(mergeWaits(a, a, NOW)).toEqual(a);
			}),
		);
		const recent = states(false);
		fc.assert(
			fc.property(recent, recent, recent, (a, b, c) => {
				expect(mergeWaits(mergeWaits(a, b, NOW), c, NOW)).toEqual(
					mergeWaits(a, mergeWaits(b, c, NOW), NOW),
				);
			}),
		);
	});

	it('the merge keeps every open wait of either copy, and a wait closed in either copy stays closed', () => {
		fc.assert(
			fc.property(state, state, (a, b) => {
				const merged = mergeWaits(a, b, NOW);
				const closed = new Set(
					[a, b].flatMap((copy) =>
						Object.entries(copy).flatMap(([contact, waits]) =>
							waits
								.filter((entry) => entry.answered)
								.map((entry) => `${contact} ${entry.messageId}`),
						),
					),
				);
				for (const copy of [a, b])
					for (const [contact, waits] of Object.entries(copy))
						for (const entry of waits) {
							const found = merged[contact]?.find((kept) => kept.messageId === entry.messageId);
							if (closed.has(`${contact} ${entry.messageId}`))
								expect(found?.answered ?? true).toBe(true);
							else expect(found).toEqual(expect.objectContaining({ messageId: entry.messageId }));
						}
			}),
		);
	});

	it('the lost update of the issue: a status and an answer written at once keep both', () => {
		let stored: PendingWaits = {};
		stored = rememberWait(stored, 'p:1', wait('q1', NOW), NOW);
		// Two deliveries start from the same stored copy: one learns q2, the other answers q1.
		const learned = rememberWait(stored, 'p:2', wait('q2', NOW), NOW);
		const answered = markAnswered(stored, 'p:1', 'q1', NOW);
		const merged = mergeWaits(learned, answered, NOW);
		expect(waitAnsweredBy(merged, 'p:2', undefined)?.messageId).toBe('q2');
		expect(waitAnsweredBy(merged, 'p:1', undefined)).toBeUndefined();
	});

	it('forgets closed questions beyond their limits and age, the oldest first, and never an open one', () => {
		let pending: PendingWaits = {};
		for (let index = 0; index < PENDING_RULES.closedPerContact + 2; index++)
			pending = mergeWaits(pending, { 'p:1': [wait(`c${index}`, NOW + index, true)] }, NOW);
		pending = mergeWaits(pending, { 'p:1': [wait('old-open', NOW - 40 * DAY)] }, NOW);
		pending = mergeWaits(pending, { 'p:1': [wait('old-closed', NOW - 31 * DAY, true)] }, NOW);
		expect(ids(pending['p:1'])).toEqual(['old-open', 'c2', 'c3', 'c4', 'c5', 'c6']);
		let many: PendingWaits = {};
		for (let index = 0; index < PENDING_RULES.closedTotal + 20; index++)
			many = mergeWaits(many, { [`p:${index}`]: [wait(`q${index}`, NOW + index, true)] }, NOW);
		expect(Object.values(many).flat()).toHaveLength(PENDING_RULES.closedTotal);
		expect(many['p:0']).toBeUndefined();
	});
});

describe('open questions beyond a limit', () => {
	it('lists the oldest beyond the limit per contact, in all, and by age, so that none vanishes unseen', () => {
		let pending: PendingWaits = {};
		for (let index = 0; index < PENDING_RULES.openPerContact + 2; index++)
			pending = rememberWait(pending, 'p:1', wait(`q${index}`, NOW + index), NOW);
		pending = rememberWait(pending, 'p:2', wait('ancient', NOW - 31 * DAY), NOW);
		pending = markAnswered(pending, 'p:1', 'q6', NOW);
		expect(
			overLimit(pending, NOW).map(({ contactKey, wait: entry, reason }) => [
				contactKey,
				entry.messageId,
				reason,
			]),
		).toEqual([
			['p:1', 'q0', 'perContact'],
			['p:2', 'ancient', 'age'],
		]);
		let total: PendingWaits = {};
		for (let index = 0; index < PENDING_RULES.openTotal + 3; index++)
			total = rememberWait(total, `p:${index}`, wait(`q${index}`, NOW + index), NOW);
		expect(Object.values(total).flat()).toHaveLength(PENDING_RULES.openTotal + 3);
		expect(overLimit(total, NOW).map((entry) => [entry.wait.messageId, entry.reason])).toEqual([
			['q0', 'total'],
			['q1', 'total'],
			['q2', 'total'],
		]);
		expect(overLimit({}, NOW)).toEqual([]);
	});
});
