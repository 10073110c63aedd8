/**
 * The Free Text questions a trigger knows of (learned from the questions' status events), as a state
 * that two copies of can always be merged without losing anything: n8n hands each delivery its own
 * copy of the trigger's static data and writes it back whole, so concurrent deliveries would
 * otherwise overwrite each other (trigger/pendingWaits.ts keeps the merged state).
 *
 * The merge is a union of questions keyed by contact and question message ID in which "closed"
 * (answered, or dropped beyond a limit) wins; an open question is never removed by it. Closed
 * questions are kept for a while so that a late status (WhatsApp does not order its webhooks) does
 * not open them again, and are then forgotten, oldest first. Open questions beyond a limit are not
 * forgotten silently: `overLimit` lists them, and the trigger resumes each with an outcome that says
 * so before it closes it.
 */
export const PENDING_RULES = {
	/** Open Free Text questions per contact; beyond it the oldest is dropped (its execution continues). */
	openPerContact: 5,
	/** Open Free Text questions in all, for the size of the trigger's static data. */
	openTotal: 500,
	/** An open question older than this is dropped; a closed one is forgotten. */
	maxDays: 30,
	/** Closed questions kept per contact and in all, so that late statuses do not reopen them. */
	closedPerContact: 5,
	closedTotal: 500,
} as const;

/** A Free Text wait the trigger learned from a status event of the question. */
export interface PendingWait {
	token: string;
	/** The question's message ID: a reply (swipe) to it answers this wait. */
	messageId: string;
	/** When the trigger first learned of it (ms since epoch): the question's place among the contact's. */
	at: number;
	/** Set once it no longer waits for a text of this trigger: answered, dropped, or not waiting in n8n. */
	answered?: true;
}

/** The waits per contact (binding kind and identifier, e.g. `p:447700900123`), oldest first. */
export type PendingWaits = Record<string, PendingWait[]>;

const DAY_MS = 24 * 3600 * 1000;

/** Oldest first, then by message ID: the same order whichever copy a wait came from. */
function byAge(a: PendingWait, b: PendingWait): number {
	return a.at - b.at || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0);
}

/**
 * Two copies merged: every wait of either, closed when either closed it, at its earliest time.
 * Closed waits beyond their limits (or older than the days) are forgotten, the oldest first; open
 * ones always stay. Commutative and idempotent for the same `now`, and associative while it forgets
 * nothing: a copy older than the forgetting that still has such a question open brings it back open
 * (its execution no longer waits, so a plain text that goes to it then reaches the workflow).
 */
export function mergeWaits(a: PendingWaits, b: PendingWaits, now: number): PendingWaits {
	const union = new Map<string, Map<string, PendingWait>>();
	for (const copy of [a, b])
		for (const [contactKey, waits] of Object.entries(copy)) {
			const known = union.get(contactKey) ?? new Map<string, PendingWait>();
			union.set(contactKey, known);
			for (const wait of waits) {
				const seen = known.get(wait.messageId);
				const answered = Boolean(seen?.answered || wait.answered);
				const first = seen && byAge(seen, wait) <= 0 ? seen : wait;
				known.set(wait.messageId, {
					token: first.token,
					messageId: wait.messageId,
					at: first.at,
					...(answered ? { answered: true as const } : {}),
				});
			}
		}
	const cutoff = now - PENDING_RULES.maxDays * DAY_MS;
	const closed: Array<{ contactKey: string; wait: PendingWait }> = [];
	const merged: PendingWaits = {};
	for (const [contactKey, known] of [...union.entries()].sort(([x], [y]) => (x < y ? -1 : 1))) {
		const waits = [...known.values()].sort(byAge);
		const closedHere = waits.filter((wait) => wait.answered && wait.at >= cutoff);
		const keptClosed = new Set(closedHere.slice(-PENDING_RULES.closedPerContact));
		for (const wait of keptClosed) closed.push({ contactKey, wait });
		const kept = waits.filter((wait) => !wait.answered || keptClosed.has(wait));
		if (kept.length) merged[contactKey] = kept;
	}
	closed.sort((x, y) => byAge(x.wait, y.wait));
	for (const { contactKey, wait } of closed.slice(
		0,
		Math.max(0, closed.length - PENDING_RULES.closedTotal),
	)) {
		merged[contactKey] = merged[contactKey].filter((kept) => kept !== wait);
		if (!merged[contactKey].length) delete merged[contactKey];
	}
	return merged;
}

/** Whether two states hold the same waits (the merge keeps a canonical order). */
export function sameWaits(a: PendingWaits, b: PendingWaits): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Adds a wait for a contact. A question already known keeps its place and state: each of its
 * statuses (sent, delivered, read) carries the same token, and a late "read" of an older question
 * must not make it the newest, nor one of an answered question open it again.
 */
export function rememberWait(
	pending: PendingWaits,
	contactKey: string,
	wait: PendingWait,
	now: number,
): PendingWaits {
	if (pending[contactKey]?.some((entry) => entry.messageId === wait.messageId)) return pending;
	return mergeWaits(pending, { [contactKey]: [wait] }, now);
}

/** Closes a question: it no longer waits for a text, and its later statuses change nothing. */
export function markAnswered(
	pending: PendingWaits,
	contactKey: string,
	messageId: string,
	now: number,
): PendingWaits {
	const wait = pending[contactKey]?.find((entry) => entry.messageId === messageId);
	if (!wait || wait.answered) return pending;
	return mergeWaits(pending, { [contactKey]: [{ ...wait, answered: true }] }, now);
}

/**
 * The open wait a text answers: the one whose question it replies to (swipe), otherwise the
 * contact's most recent one.
 */
export function waitAnsweredBy(
	pending: PendingWaits,
	contactKey: string,
	repliesTo: string | undefined,
): PendingWait | undefined {
	const open = (pending[contactKey] ?? []).filter((entry) => !entry.answered);
	if (repliesTo) {
		const replied = open.find((entry) => entry.messageId === repliesTo);
		if (replied) return replied;
	}
	return open.at(-1);
}

export type DropReason = 'perContact' | 'total' | 'age';

/** What the output of a dropped wait says, per limit. */
export const DROP_REASONS: Record<DropReason, string> = {
	perContact: `More than ${PENDING_RULES.openPerContact} Free Text questions to this contact waited at once; the oldest no longer waits for an answer`,
	total: `More than ${PENDING_RULES.openTotal} Free Text questions waited at once on this trigger; the oldest no longer waits for an answer`,
	age: `This Free Text question waited longer than ${PENDING_RULES.maxDays} days; it no longer waits for an answer`,
};

/**
 * The open waits beyond a limit, each with the limit: the oldest beyond the open ones a contact may
 * have, then the oldest beyond the open ones in all, and any older than the days.
 */
export function overLimit(
	pending: PendingWaits,
	now: number,
): Array<{ contactKey: string; wait: PendingWait; reason: DropReason }> {
	const cutoff = now - PENDING_RULES.maxDays * DAY_MS;
	const dropped: Array<{ contactKey: string; wait: PendingWait; reason: DropReason }> = [];
	const left: Array<{ contactKey: string; wait: PendingWait }> = [];
	for (const [contactKey, waits] of Object.entries(pending)) {
		const open = waits.filter((wait) => !wait.answered).sort(byAge);
		open.forEach((wait, index) => {
			if (wait.at < cutoff) dropped.push({ contactKey, wait, reason: 'age' });
			else if (index < open.length - PENDING_RULES.openPerContact)
				dropped.push({ contactKey, wait, reason: 'perContact' });
			else left.push({ contactKey, wait });
		});
	}
	left.sort((x, y) => byAge(x.wait, y.wait));
	for (const entry of left.slice(0, Math.max(0, left.length - PENDING_RULES.openTotal)))
		dropped.push({ ...entry, reason: 'total' });
	return dropped;
}
