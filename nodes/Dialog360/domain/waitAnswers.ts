/**
 * Send and Wait for Response, answered inside WhatsApp.
 *
 * The action node signs a resume URL of its waiting execution with n8n's own mechanism
 * (`getSignedResumeUrl`: an HMAC of the URL with the instance secret) and puts what the trigger needs
 * to rebuild that URL into the message: a reply button's ID (Approval) or the message's callback data
 * (Free Text, which WhatsApp returns in the message's status events). The trigger receives the tap or
 * the text through 360dialog's signed path (its secret header), rebuilds the URL with the identifier
 * of the contact who answered, and posts the answer to it. The contact is part of the signed URL, so an
 * answer from anyone else fails n8n's signature check and resumes nothing; an execution that no longer
 * waits is not resumed twice by n8n. No store of ours is involved.
 *
 * Sources: n8n's sendAndWait utilities (packages/nodes-base/utils/sendAndWait) and waiting webhooks
 * (packages/cli/src/webhooks/waiting-webhooks.ts); reply button IDs up to 256 characters and
 * callback data up to 512 (Meta, "Interactive reply buttons messages" and "Messages" reference).
 */
import { canonicalDigits } from './phone';
import type { RecipientId, WebhookContact } from './identity';

export const WAIT_RULES = {
	/** Marks the button IDs and callback data of this package's waits. */
	prefix: 'n8nwait',
	/** n8n's query parameter for the signature (n8n-core's WAITING_TOKEN_QUERY_PARAM). */
	signatureParam: 'signature',
	/** Free Text waits the trigger keeps per contact, and in all; older ones are dropped first. */
	pendingPerContact: 5,
	pendingTotal: 500,
	/** A Free Text wait is forgotten after this long (a longer wait still ends on its own time limit). */
	pendingDays: 30,
} as const;

export type WaitAnswer = 'approve' | 'decline' | 'text';

/**
 * Which identifier of the contact the signature binds: `p` the phone number (its digits, with the
 * Brazilian, Mexican and Argentinian variants folded), `u` the user ID, `P` the parent user ID.
 */
export type BindingKind = 'p' | 'u' | 'P';

export interface WaitToken {
	binding: BindingKind;
	answer: WaitAnswer;
	executionId: string;
	nodeId: string;
	signature: string;
}

const ANSWER_CODES: Record<WaitAnswer, string> = { approve: 'a', decline: 'd', text: 't' };
const TOKEN_PATTERN = new RegExp(
	`^${WAIT_RULES.prefix}:([puP]):([adt]):([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,64}):([0-9a-f]{64})$`,
);

export function encodeWaitToken(token: WaitToken): string {
	return [
		WAIT_RULES.prefix,
		token.binding,
		ANSWER_CODES[token.answer],
		token.executionId,
		token.nodeId,
		token.signature,
	].join(':');
}

/** The token in a button ID or callback data, or undefined for anything else. */
export function decodeWaitToken(text: unknown): WaitToken | undefined {
	if (typeof text !== 'string') return undefined;
	const match = TOKEN_PATTERN.exec(text);
	if (!match) return undefined;
	const answer = (Object.keys(ANSWER_CODES) as WaitAnswer[]).find(
		(key) => ANSWER_CODES[key] === match[2],
	) as WaitAnswer;
	return {
		binding: match[1] as BindingKind,
		answer,
		executionId: match[3],
		nodeId: match[4],
		signature: match[5],
	};
}

/** The identifier of the recipient that the signature binds, as the trigger will read it back. */
export function bindingOf(recipient: RecipientId): { binding: BindingKind; key: string } {
	if (recipient.kind === 'phone') return { binding: 'p', key: canonicalDigits(recipient.digits) };
	return { binding: recipient.parent ? 'P' : 'u', key: recipient.userId };
}

/** The same identifier of the contact who answered, or null when their event does not carry it. */
export function answererKey(binding: BindingKind, contact: WebhookContact | null): string | null {
	if (!contact) return null;
	if (binding === 'p') return contact.waId ? canonicalDigits(contact.waId) : null;
	return binding === 'u' ? contact.userId : contact.parentUserId;
}

/**
 * The query the signature covers, in the order n8n signs it: what was answered and who may answer.
 * The node signs these; the trigger rebuilds them with the answering contact's identifier.
 */
export function signedQuery(answer: WaitAnswer, contactKey: string): Record<string, string> {
	return { answer, contact: contactKey };
}

/** The signature of a URL from `getSignedResumeUrl`. */
export function signatureOf(signedUrl: string): string {
	return new URL(signedUrl).searchParams.get(WAIT_RULES.signatureParam) ?? '';
}

/**
 * The resume URL of a token for the contact who answered: n8n's waiting-webhook base
 * (`$execution.resumeUrl` without the execution), the execution and the node, the signed query, and
 * the signature.
 */
export function resumeUrlOf(waitingBaseUrl: string, token: WaitToken, contactKey: string): string {
	const url = new URL(
		`${waitingBaseUrl.replace(/\/+$/, '')}/${token.executionId}/${encodeURIComponent(token.nodeId)}`,
	);
	for (const [name, value] of Object.entries(signedQuery(token.answer, contactKey)))
		url.searchParams.set(name, value);
	url.searchParams.set(WAIT_RULES.signatureParam, token.signature);
	return url.toString();
}

/** What the trigger posts to the resume URL with an answer, and the node's webhook reads. */
export interface WaitAnswerBody {
	text: string | null;
	contact: WebhookContact | null;
	timestamp: string | null;
	messageId: string | null;
	questionMessageId: string | null;
}

/** A Free Text wait the trigger learned from a status event of the question. */
export interface PendingWait {
	token: string;
	/** The question's message ID: a reply (swipe) to it answers this wait. */
	messageId: string;
	/** When the trigger first learned of it (ms since epoch): the question's place among the contact's. */
	at: number;
	/**
	 * Set once a text answered it. The entry stays (within the same limits) so that a late status of
	 * the question (WhatsApp does not order its webhooks) does not make it wait again.
	 */
	answered?: true;
}

export type PendingWaits = Record<string, PendingWait[]>;

/**
 * Adds a wait for a contact, dropping the oldest beyond the limits (answered ones before open ones).
 * A question already known keeps its place and state: each of its statuses (sent, delivered, read)
 * carries the same token, and a late "read" of an older question must not make it the newest.
 * Returns `pending` itself when nothing changes.
 */
export function rememberWait(
	pending: PendingWaits,
	contactKey: string,
	wait: PendingWait,
	now: number,
): PendingWaits {
	if (pending[contactKey]?.some((entry) => entry.messageId === wait.messageId)) return pending;
	const cutoff = now - WAIT_RULES.pendingDays * 24 * 3600 * 1000;
	const next: PendingWaits = {};
	for (const [key, waits] of Object.entries(pending)) {
		const kept = waits.filter((entry) => entry.at >= cutoff);
		if (kept.length) next[key] = kept;
	}
	next[contactKey] = withoutOldest(
		[...(next[contactKey] ?? []), wait],
		WAIT_RULES.pendingPerContact,
	);
	const all = Object.entries(next)
		.flatMap(([key, waits]) => waits.map((entry) => ({ key, entry })))
		.sort((a, b) => droppedFirst(a.entry, b.entry));
	for (const { key, entry } of all.slice(0, Math.max(0, all.length - WAIT_RULES.pendingTotal))) {
		next[key] = next[key].filter((kept) => kept !== entry);
		if (!next[key].length) delete next[key];
	}
	return next;
}

/** The order in which waits are dropped beyond the limits: answered ones first, then the oldest. */
function droppedFirst(a: PendingWait, b: PendingWait): number {
	return Number(!a.answered) - Number(!b.answered) || a.at - b.at;
}

/** Keeps at most `limit` entries, dropping them in `droppedFirst` order; order is kept. */
function withoutOldest(waits: PendingWait[], limit: number): PendingWait[] {
	const dropped = new Set(
		[...waits].sort(droppedFirst).slice(0, Math.max(0, waits.length - limit)),
	);
	return waits.filter((entry) => !dropped.has(entry));
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

/** Marks a question answered: it no longer waits for a text, and its later statuses change nothing. */
export function markAnswered(
	pending: PendingWaits,
	contactKey: string,
	messageId: string,
): PendingWaits {
	const waits = pending[contactKey] ?? [];
	return {
		...pending,
		[contactKey]: waits.map((entry) =>
			entry.messageId === messageId ? { ...entry, answered: true as const } : entry,
		),
	};
}
