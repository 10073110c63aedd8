/**
 * Send and Wait for Response, answered inside WhatsApp.
 *
 * The action node signs a resume URL of its waiting execution with n8n's own mechanism
 * (`getSignedResumeUrl`: an HMAC of the URL with the instance secret) and puts what the trigger needs
 * to rebuild that URL into the message: a reply button's ID (Approval), the message's callback data
 * (Free Text, which WhatsApp returns in the message's status events) or a flow's token (Form, which
 * WhatsApp returns in response_json of the flow's answer). The trigger receives the tap or
 * the text through 360dialog's signed path (its secret header), rebuilds the URL with the identifier
 * of the contact who answered, and posts the answer to it. The contact is part of the signed URL, so an
 * answer from anyone else fails n8n's signature check and resumes nothing; an execution that no longer
 * waits is not resumed twice by n8n.
 *
 * The rest of the answer (text, who, when, message IDs) travels in the POST body, which n8n does not
 * sign. The trigger signs it (answerSignature below) with a key derived from the API key of its
 * 360dialog credential, and the action node checks it with its own credential of the same number:
 * a button ID that reached a phone is not enough to resume an execution with made-up content.
 *
 * Sources: n8n's sendAndWait utilities (packages/nodes-base/utils/sendAndWait) and waiting webhooks
 * (packages/cli/src/webhooks/waiting-webhooks.ts); reply button IDs up to 256 characters and
 * callback data up to 512 (Meta, "Interactive reply buttons messages" and "Messages" reference); the
 * flow token comes back in the answer's response_json (Meta, "Receiving Flow Response",
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/guides/receiveflowresponse).
 */
import { createHmac, timingSafeEqual } from 'crypto';

import { canonicalDigits } from './phone';
import { recipientKeyOf, type RecipientId, type WebhookContact } from './identity';

export const WAIT_RULES = {
	/** Marks the button IDs and callback data of this package's waits. */
	prefix: 'n8nwait',
	/** n8n's query parameter for the signature (n8n-core's WAITING_TOKEN_QUERY_PARAM). */
	signatureParam: 'signature',
} as const;

export type WaitAnswer = 'approve' | 'decline' | 'text' | 'form';

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

const ANSWER_CODES: Record<WaitAnswer, string> = {
	approve: 'a',
	decline: 'd',
	text: 't',
	form: 'f',
};
const TOKEN_PATTERN = new RegExp(
	`^${WAIT_RULES.prefix}:([puP]):([adtf]):([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,64}):([0-9a-f]{64})$`,
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

/** The token in a button ID, callback data or flow token, or undefined for anything else. */
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
	const key = recipientKeyOf(recipient);
	if (recipient.kind === 'phone') return { binding: 'p', key };
	return { binding: recipient.parent ? 'P' : 'u', key };
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
	/** Set instead of an answer when the trigger dropped the wait beyond a limit: why. */
	dropped: string | null;
	/** A form's fields (a WhatsApp Flow's answer) as JSON text; null or absent for other answers. */
	form?: string | null;
}

/** The trigger's signature of an answer: a header on the resume request. */
export const ANSWER_SIGNATURE = {
	header: 'x-n8n-360dialog-answer-signature',
	/** What the signing key is derived with from the API key (the key itself is never used or sent). */
	label: 'n8n-nodes-360dialog wait answer v1',
} as const;

/** Everything a resume carries, the URL's parts included, so that a signed body fits one resume only. */
export interface SignedAnswer {
	executionId: string;
	nodeId: string;
	answer: WaitAnswer;
	contactKey: string;
	body: WaitAnswerBody;
}

const CONTACT_FIELDS: Array<keyof WebhookContact> = [
	'key',
	'address',
	'userId',
	'parentUserId',
	'username',
	'phoneNumber',
	'waId',
	'profileName',
];

/** The answer as the text that is signed: fixed order, every field, nothing else. */
function signedText(signed: SignedAnswer): string {
	const { body } = signed;
	return JSON.stringify([
		ANSWER_SIGNATURE.label,
		signed.executionId,
		signed.nodeId,
		signed.answer,
		signed.contactKey,
		body.text,
		body.contact && CONTACT_FIELDS.map((field) => body.contact?.[field] ?? null),
		body.timestamp,
		body.messageId,
		body.questionMessageId,
		body.dropped,
		body.form ?? null,
	]);
}

/** HMAC-SHA256 of the answer, keyed with an HMAC of the label under the API key. */
export function answerSignature(apiKey: string, signed: SignedAnswer): string {
	const key = createHmac('sha256', apiKey).update(ANSWER_SIGNATURE.label).digest();
	return createHmac('sha256', key).update(signedText(signed)).digest('hex');
}

/** Whether `given` is the signature of this answer under this API key (constant time). */
export function answerSignatureMatches(
	apiKey: string,
	signed: SignedAnswer,
	given: unknown,
): boolean {
	if (!apiKey || typeof given !== 'string') return false;
	const expected = Buffer.from(answerSignature(apiKey, signed));
	const received = Buffer.from(given);
	return expected.length === received.length && timingSafeEqual(expected, received);
}

/** A body as the node's webhook received it, read field by field (anything else is left out). */
export function readAnswerBody(value: unknown): WaitAnswerBody {
	const body = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
	const text = (field: string) =>
		typeof body[field] === 'string' ? (body[field] as string) : null;
	const contact =
		body.contact && typeof body.contact === 'object'
			? (Object.fromEntries(
					CONTACT_FIELDS.map((field) => {
						const entry = (body.contact as Record<string, unknown>)[field];
						return [field, typeof entry === 'string' ? entry : null];
					}),
				) as unknown as WebhookContact)
			: null;
	return {
		text: text('text'),
		contact,
		timestamp: text('timestamp'),
		messageId: text('messageId'),
		questionMessageId: text('questionMessageId'),
		dropped: text('dropped'),
		form: text('form'),
	};
}

/**
 * What n8n's answer to a resume request means. Only n8n's own "nothing waits here" answers are taken
 * as such; anything else (a 5xx of n8n or of a proxy, a timeout, an unexpected body) is `retry`: the
 * delivery fails and 360dialog delivers the answer again.
 *
 * From n8n's WaitingWebhooks.executeWebhook and getWebhookExecutionData
 * (https://github.com/n8n-io/n8n/blob/master/packages/cli/src/webhooks/waiting-webhooks.ts, alike in
 * 2.8.4 and 2.41.1), with errors sent as `{ code, message }` by ResponseHelper.sendErrorResponse:
 * - 401 `{ error: 'Invalid token' }` (2.8.4), or 401 with the page "Invalid Form Link"
 *   (form-invalid-token, 2.41.1, for send-and-wait): the URL's signature does not hold (another contact);
 * - 404 'The execution "…" does not exist.', 'Could not find node to process webhook.', 'The workflow
 *   for execution "…" does not contain a waiting webhook with a matching path/method.';
 * - 409 'The execution "…" has finished with error.' and 'The execution "… has finished already.';
 * - 200 with the page "No action required" (send-and-wait-no-action-required): a send-and-wait whose
 *   execution finished, or that waits at another node.
 * 409 'The execution "…" is running already.' is not among them: an execution runs while it sends the
 * question and until n8n has stored it as waiting, so an answer that quick is delivered again.
 */
export type ResumeOutcome =
	'resumed' | 'notTheContact' | 'notSignedByTrigger' | 'notWaiting' | 'retry';

const NOT_WAITING_ANSWERS: Array<{ status: number; message: RegExp }> = [
	{ status: 404, message: /^The execution "[^"]*" does not exist\.$/ },
	{ status: 404, message: /^Could not find node to process webhook\.$/ },
	{
		status: 404,
		message:
			/^The workflow for execution "[^"]*" does not contain a waiting webhook with a matching path\/method\.$/,
	},
	{ status: 409, message: /^The execution "[^"]*" has finished with error\.$/ },
	{ status: 409, message: /^The execution "[^"]* has finished already\.$/ },
];

/** What the node's webhook answers when the trigger's signature of the answer does not hold. */
export const UNSIGNED_ANSWER_ERROR =
	'This answer is not signed by a 360dialog Trigger with the credential of this node';

export function resumeOutcome(status: number, body: unknown): ResumeOutcome {
	const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
	if (status === 200 && fields.resumed === true) return 'resumed';
	if (
		status === 200 &&
		typeof body === 'string' &&
		body.includes('<title>No action required</title>')
	)
		return 'notWaiting';
	if (status === 401 && fields.error === 'Invalid token') return 'notTheContact';
	if (
		status === 401 &&
		typeof body === 'string' &&
		body.includes('<title>Invalid Form Link</title>')
	)
		return 'notTheContact';
	if (status === 401 && fields.error === UNSIGNED_ANSWER_ERROR) return 'notSignedByTrigger';
	const message = typeof fields.message === 'string' ? fields.message : '';
	if (NOT_WAITING_ANSWERS.some((known) => known.status === status && known.message.test(message)))
		return 'notWaiting';
	return 'retry';
}
