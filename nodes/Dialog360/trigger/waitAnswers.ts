/**
 * The trigger's side of Send and Wait for Response (domain/waitAnswers.ts): a tap on a wait's reply
 * button, a submitted form (a WhatsApp Flow whose token is a wait's), or a text that answers a Free
 * Text question, is posted to the waiting execution's signed
 * resume URL, signed by this trigger, and not handed to the workflow; a status event of a Free Text
 * question tells the trigger that its contact's next text is an answer (trigger/pendingWaits.ts).
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	DROP_REASONS,
	markAnswered,
	overLimit,
	rememberWait,
	waitAnsweredBy,
} from '../domain/pendingWaits';
import {
	ANSWER_SIGNATURE,
	answerSignature,
	answererKey,
	decodeWaitToken,
	resumeOutcome,
	resumeUrlOf,
	type BindingKind,
	type ResumeOutcome,
	type WaitAnswerBody,
	type WaitToken,
} from '../domain/waitAnswers';
import { textOrNull } from '../domain/values';
import type { WebhookEvent } from '../domain/webhookEvents';
import { resolveCredentials } from '../transport/credentials';
import { WaitJournal } from './pendingWaits';

/** What became of an answer that resumed nothing; the item carries it to the workflow. */
export interface UnusedAnswer {
	resumed: false;
	reason: string;
}

const REASONS: Record<Exclude<ResumeOutcome, 'resumed' | 'retry'>, string> = {
	notTheContact:
		'This answer is not from the contact the question was sent to, so it resumed nothing',
	notSignedByTrigger:
		'The Send and Wait node uses another 360dialog credential than this trigger, so it did not take the answer',
	notWaiting:
		'No execution waits for this answer any longer (it was answered already, timed out, or was stopped)',
};

const BINDINGS: BindingKind[] = ['u', 'P', 'p'];

/** n8n's waiting-webhook base URL, as `$execution.resumeUrl` gives it, without the execution. */
function waitingBaseUrl(ctx: IWebhookFunctions): string {
	return String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0)).replace(/\/[^/]*$/, '');
}

function buttonIdOf(event: WebhookEvent): string | undefined {
	const interactive = event.message?.interactive as IDataObject | undefined;
	const reply = interactive?.button_reply as IDataObject | undefined;
	return textOrNull(reply?.id) ?? undefined;
}

/**
 * The wait an interactive answer is for: a reply button's ID answers Approval, a flow's token a Form;
 * a token in the other place answers nothing.
 */
function answeredToken(event: WebhookEvent): WaitToken | undefined {
	const tapped = decodeWaitToken(buttonIdOf(event));
	if (tapped && tapped.answer !== 'form' && tapped.answer !== 'text') return tapped;
	const submitted = decodeWaitToken(event.flowToken);
	return submitted?.answer === 'form' ? submitted : undefined;
}

function answerBody(event: WebhookEvent, questionMessageId: string | null): WaitAnswerBody {
	return {
		text: event.text ?? null,
		contact: event.contact,
		timestamp: event.timestamp ?? null,
		messageId: textOrNull(event.message?.id),
		questionMessageId,
		dropped: null,
		form: event.flowResponse ? JSON.stringify(event.flowResponse) : null,
	};
}

/** Posts a signed answer to n8n and says what n8n made of it; `retry` throws. */
async function resume(
	ctx: IWebhookFunctions,
	token: WaitToken,
	contactKey: string,
	body: WaitAnswerBody,
): Promise<Exclude<ResumeOutcome, 'retry'>> {
	const { apiKey } = await resolveCredentials.call(ctx);
	const signature = answerSignature(apiKey, {
		executionId: token.executionId,
		nodeId: token.nodeId,
		answer: token.answer,
		contactKey,
		body,
	});
	let status: number;
	let outcome: ResumeOutcome;
	try {
		// n8n's own waiting webhook, without the 360dialog credential (its key must not reach n8n's
		// request logs), so the plain request helper.
		const response = (await ctx.helpers.httpRequest({
			method: 'POST',
			url: resumeUrlOf(waitingBaseUrl(ctx), token, contactKey),
			headers: { [ANSWER_SIGNATURE.header]: signature },
			body: body as unknown as IDataObject,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})) as { statusCode: number; body: unknown };
		status = response.statusCode;
		outcome = resumeOutcome(response.statusCode, response.body);
	} catch (error) {
		// n8n could not be asked: the delivery fails, so that 360dialog delivers it again.
		throw new NodeOperationError(
			ctx.getNode(),
			`n8n could not be reached to resume execution ${token.executionId} with an answer from WhatsApp (${(error as Error).message}); 360dialog will deliver it again`,
		);
	}
	if (outcome === 'retry')
		throw new NodeOperationError(
			ctx.getNode(),
			`n8n answered ${status} to the answer for execution ${token.executionId}, which does not say whether the execution took it; 360dialog will deliver it again`,
		);
	return outcome;
}

/**
 * Open Free Text waits beyond a limit: each execution is resumed with an outcome that says it was
 * dropped, then its wait is closed. One n8n cannot take yet stays open and is tried with the next
 * delivery; it does not fail this one.
 */
async function dropOverLimit(ctx: IWebhookFunctions, journal: WaitJournal): Promise<void> {
	for (const { contactKey, wait, reason } of overLimit(journal.read(), Date.now())) {
		const token = decodeWaitToken(wait.token);
		const outcome = token
			? await resume(ctx, token, contactKey.slice(2), {
					text: null,
					contact: null,
					timestamp: null,
					messageId: null,
					questionMessageId: wait.messageId,
					dropped: DROP_REASONS[reason],
				}).catch(() => 'retry' as const)
			: 'notWaiting';
		if (outcome !== 'retry')
			journal.update((pending) => markAnswered(pending, contactKey, wait.messageId, Date.now()));
	}
}

/** A status of a Free Text question: its contact's next text (or reply to it) is an answer. */
function learnQuestion(journal: WaitJournal, event: WebhookEvent): void {
	const token = decodeWaitToken(event.status?.biz_opaque_callback_data);
	const key = token && answererKey(token.binding, event.contact);
	const messageId = textOrNull(event.status?.id);
	if (
		token?.answer !== 'text' ||
		!key ||
		!messageId ||
		textOrNull(event.status?.status) === 'failed'
	)
		return;
	const wait = { token: String(event.status?.biz_opaque_callback_data), messageId, at: Date.now() };
	journal.update((pending) => rememberWait(pending, `${token.binding}:${key}`, wait, Date.now()));
}

type Left = WebhookEvent & { waitAnswer?: UnusedAnswer };

/** A text: the answer to the Free Text question it replies to, or to its contact's newest one. */
async function answerText(
	ctx: IWebhookFunctions,
	journal: WaitJournal,
	event: WebhookEvent,
): Promise<Left | 'handedOver'> {
	const repliesTo =
		textOrNull((event.message?.context as IDataObject | undefined)?.id) ?? undefined;
	const pending = journal.read();
	const candidates = BINDINGS.map((binding) => {
		const key = answererKey(binding, event.contact);
		const slot = key ? `${binding}:${key}` : '';
		return { key, slot, wait: key ? waitAnsweredBy(pending, slot, repliesTo) : undefined };
	}).filter((candidate) => candidate.wait);
	const chosen =
		candidates.find((candidate) => candidate.wait?.messageId === repliesTo) ?? candidates[0];
	const token = chosen?.wait && decodeWaitToken(chosen.wait.token);
	if (!chosen?.wait || !chosen.key || !token) return event;
	const messageId = chosen.wait.messageId;
	const outcome = await resume(ctx, token, chosen.key, answerBody(event, messageId));
	// Answered or not, this question no longer waits for a text of this trigger.
	journal.update((current) => markAnswered(current, chosen.slot, messageId, Date.now()));
	if (outcome === 'resumed') return 'handedOver';
	// A plain text to a question nobody waits for any more is an ordinary message: the contact did not
	// reply to that question in particular.
	if (outcome === 'notWaiting' && !repliesTo) return event;
	return { ...event, waitAnswer: { resumed: false, reason: REASONS[outcome] } };
}

/**
 * Hands the answers among the events to the executions that wait for them. Returns the events left
 * for the workflow: everything else, and answers that resumed nothing, with `waitAnswer` saying why.
 * Throws when n8n's answer does not say whether an execution took an answer (the delivery then
 * fails); `handedOver` has the answers handed over until then, which must not be handed on again.
 */
export async function answerWaits(
	ctx: IWebhookFunctions,
	events: WebhookEvent[],
	handedOver: WebhookEvent[] = [],
): Promise<Left[]> {
	const journal = new WaitJournal(ctx);
	const left: Left[] = [];
	try {
		for (const event of events) {
			if (event.kind === 'status') learnQuestion(journal, event);
			if (event.kind !== 'message') {
				left.push(event);
				continue;
			}
			const tapped = answeredToken(event);
			if (!tapped && event.message?.type !== 'text') {
				left.push(event);
				continue;
			}
			let result: Left | 'handedOver';
			if (tapped) {
				const key = answererKey(tapped.binding, event.contact);
				const context = event.message?.context as IDataObject | undefined;
				const outcome = key
					? await resume(ctx, tapped, key, answerBody(event, textOrNull(context?.id)))
					: 'notTheContact';
				result =
					outcome === 'resumed'
						? 'handedOver'
						: { ...event, waitAnswer: { resumed: false, reason: REASONS[outcome] } };
			} else result = await answerText(ctx, journal, event);
			if (result === 'handedOver') handedOver.push(event);
			else left.push(result);
		}
		await dropOverLimit(ctx, journal);
	} finally {
		journal.save();
	}
	return left;
}
