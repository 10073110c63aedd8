/**
 * The trigger's side of Send and Wait for Response (domain/waitAnswers.ts): a tap on a wait's reply
 * button, or a text that answers a Free Text question, is posted to the waiting execution's signed
 * resume URL and not handed to the workflow; a status event of a Free Text question tells the trigger
 * that its contact's next text is an answer (kept in the trigger's static data, which n8n stores with
 * the workflow and every webhook process reads).
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	answererKey,
	decodeWaitToken,
	markAnswered,
	rememberWait,
	resumeUrlOf,
	waitAnsweredBy,
	type BindingKind,
	type PendingWaits,
	type WaitAnswerBody,
	type WaitToken,
} from '../domain/waitAnswers';
import { textOrNull } from '../domain/values';
import type { WebhookEvent } from '../domain/webhookEvents';

/** What became of an answer that resumed nothing; the item carries it to the workflow. */
export interface UnusedAnswer {
	resumed: false;
	reason: string;
}

const NOT_THE_CONTACT =
	'This answer is not from the contact the question was sent to, so it resumed nothing';
const NOT_WAITING =
	'No execution waits for this answer any longer (it was answered already, timed out, or was stopped)';

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

/** Posts the answer to n8n; true when the waiting execution took it. */
async function resume(
	ctx: IWebhookFunctions,
	token: WaitToken,
	contactKey: string,
	event: WebhookEvent,
): Promise<{ resumed: true } | UnusedAnswer> {
	const message = event.message ?? {};
	const context = message.context as IDataObject | undefined;
	// A call to n8n's own waiting webhook, without the 360dialog credential (its key must not reach
	// n8n's request logs), so the plain request helper.
	const response = (await ctx.helpers.httpRequest({
		method: 'POST',
		url: resumeUrlOf(waitingBaseUrl(ctx), token, contactKey),
		body: {
			text: event.text ?? null,
			contact: event.contact,
			timestamp: event.timestamp ?? null,
			messageId: textOrNull(message.id),
			questionMessageId: textOrNull(context?.id),
		} satisfies WaitAnswerBody as unknown as IDataObject,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30_000,
	})) as { statusCode: number; body: unknown };
	const body = response.body as IDataObject | undefined;
	if (response.statusCode === 200 && body && typeof body === 'object' && body.resumed === true)
		return { resumed: true };
	return {
		resumed: false,
		reason: response.statusCode === 401 ? NOT_THE_CONTACT : NOT_WAITING,
	};
}

/**
 * Hands the answers among the events to the executions that wait for them. Returns the events left
 * for the workflow: everything else, and answers that resumed nothing, with `waitAnswer` saying why.
 */
export async function answerWaits(
	ctx: IWebhookFunctions,
	events: WebhookEvent[],
): Promise<Array<WebhookEvent & { waitAnswer?: UnusedAnswer }>> {
	const state = ctx.getWorkflowStaticData('node') as IDataObject;
	let pending = (state.pendingWaits ?? {}) as PendingWaits;
	const startedWith = JSON.stringify(pending);
	const left: Array<WebhookEvent & { waitAnswer?: UnusedAnswer }> = [];
	for (const event of events) {
		if (event.kind === 'status') {
			const token = decodeWaitToken(event.status?.biz_opaque_callback_data);
			const key = token && answererKey(token.binding, event.contact);
			const messageId = textOrNull(event.status?.id);
			const status = textOrNull(event.status?.status);
			if (token?.answer === 'text' && key && messageId && status !== 'failed')
				pending = rememberWait(
					pending,
					`${token.binding}:${key}`,
					{ token: String(event.status?.biz_opaque_callback_data), messageId, at: Date.now() },
					Date.now(),
				);
			left.push(event);
			continue;
		}
		if (event.kind !== 'message') {
			left.push(event);
			continue;
		}
		const tapped = decodeWaitToken(buttonIdOf(event));
		if (tapped) {
			const key = answererKey(tapped.binding, event.contact);
			const outcome = key
				? await resume(ctx, tapped, key, event)
				: { resumed: false as const, reason: NOT_THE_CONTACT };
			if (!outcome.resumed) left.push({ ...event, waitAnswer: outcome });
			continue;
		}
		if (event.message?.type !== 'text') {
			left.push(event);
			continue;
		}
		const repliesTo =
			textOrNull((event.message.context as IDataObject | undefined)?.id) ?? undefined;
		const candidates = BINDINGS.map((binding) => {
			const key = answererKey(binding, event.contact);
			const slot = key ? `${binding}:${key}` : '';
			return { key, slot, wait: key ? waitAnsweredBy(pending, slot, repliesTo) : undefined };
		}).filter((candidate) => candidate.wait);
		const chosen =
			candidates.find((candidate) => candidate.wait?.messageId === repliesTo) ?? candidates[0];
		const token = chosen?.wait && decodeWaitToken(chosen.wait.token);
		if (!chosen?.wait || !chosen.key || !token) {
			left.push(event);
			continue;
		}
		const outcome = await resume(ctx, token, chosen.key, event);
		// Answered or not, this question no longer waits for a text of this trigger.
		pending = markAnswered(pending, chosen.slot, chosen.wait.messageId);
		if (!outcome.resumed) left.push({ ...event, waitAnswer: outcome });
	}
	if (JSON.stringify(pending) !== startedWith) state.pendingWaits = pending;
	return left;
}
