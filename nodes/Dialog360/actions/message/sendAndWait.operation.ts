/**
 * Message › Send and Wait for Response: sends a question the contact answers inside WhatsApp, and
 * pauses the execution until the answer arrives through the trigger (domain/waitAnswers.ts) or the
 * time limit passes. As n8n's own send-and-wait nodes (n8n-nodes-base utils/sendAndWait), it sends
 * one message for the run (the first item's parameters) and waits once.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookDescription,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';

import type { Violation } from '../../domain/checks';
import { buildMessage, type MessageContent } from '../../domain/messages';
import { textOf } from '../../domain/values';
import {
	ANSWER_SIGNATURE,
	answerSignatureMatches,
	bindingOf,
	encodeWaitToken,
	readAnswerBody,
	signatureOf,
	signedQuery,
	UNSIGNED_ANSWER_ERROR,
	type WaitAnswer,
} from '../../domain/waitAnswers';
import { resolveCredentials } from '../../transport/credentials';
import { recipientField } from '../descriptions/sending';
import { updateDisplayOptions } from '../displayOptions';
import { readText } from '../parameters';
import { assertNoViolations } from '../validation';
import { waitFields } from './descriptions/wait';
import { sendMessage } from './sending';
import { formFieldsOf, formQuestion } from './waitForm';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendAndWait'] } },
	[recipientField, ...waitFields],
);

/**
 * n8n resumes the waiting execution through this node's signed waiting-webhook URL, which the trigger
 * calls with the answer: a restart webhook of n8n itself, with nothing to register at 360dialog (as
 * n8n-nodes-base's sendAndWaitWebhooksDescription; POST only, nobody opens it in a browser).
 */
export const SEND_AND_WAIT_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

/** One message and one wait per run, as n8n's own send-and-wait nodes. */
export const runShape = 'oncePerRun';

const UNIT_MS: Record<string, number> = {
	seconds: 1000,
	minutes: 60_000,
	hours: 3_600_000,
	days: 86_400_000,
};

/** When to stop waiting: never, after an interval, or at a time (the options of n8n's Wait node). */
function waitUntil(ctx: IExecuteFunctions): Date {
	if (!(ctx.getNodeParameter('limitWaitTime', 0, false) as boolean)) return WAIT_INDEFINITELY;
	const type = ctx.getNodeParameter('limitType', 0, 'afterTimeInterval') as string;
	const until =
		type === 'afterTimeInterval'
			? new Date(
					Date.now() +
						Number(ctx.getNodeParameter('resumeAmount', 0, 1)) *
							(UNIT_MS[ctx.getNodeParameter('resumeUnit', 0, 'hours') as string] ?? UNIT_MS.hours),
				)
			: new Date(textOf(ctx.getNodeParameter('maxDateAndTime', 0, '')));
	if (Number.isNaN(until.getTime()))
		throw new NodeOperationError(
			ctx.getNode(),
			'Max Date and Time is not a date: pick a date and time, or an expression that gives one',
			{ itemIndex: 0 },
		);
	return until;
}

/** The message builder's field names as this operation's fields are labelled in the editor. */
const FIELD_LABELS: Array<[RegExp, string]> = [
	[/^Button 1 Title\b/, 'Approve Button Label'],
	[/^Button 2 Title\b/, 'Decline Button Label'],
	[/^Button titles must be unique\b/, 'Approve Button Label and Decline Button Label must differ'],
	[/^(Body|Text)\b/, 'Message'],
];

function labelled(violations: Violation[]): Violation[] {
	return violations.map(({ field, message }) => {
		const rename = (text: string) =>
			FIELD_LABELS.reduce((renamed, [pattern, label]) => renamed.replace(pattern, label), text);
		return {
			field: field === 'Buttons' ? 'Approve Button Label' : rename(field),
			message: rename(message),
		};
	});
}

/** The node's signed resume URL's token for one answer, bound to the recipient. */
function tokenFor(
	ctx: IExecuteFunctions,
	answer: WaitAnswer,
	binding: ReturnType<typeof bindingOf>,
): string {
	const signed = ctx.getSignedResumeUrl(signedQuery(answer, binding.key));
	return encodeWaitToken({
		binding: binding.binding,
		answer,
		executionId: String(ctx.getExecutionId()),
		nodeId: ctx.getNode().id,
		signature: signatureOf(signed),
	});
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const responseType = this.getNodeParameter('responseType', itemIndex, 'approval') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		defaultCountry?: string;
		footer?: string;
	};
	const question = readText(this, 'message', itemIndex);
	const envelope = {
		to: this.getNodeParameter('to', itemIndex),
		defaultCountry: options.defaultCountry,
	};
	// Read first with placeholder IDs: the recipient and every limit are checked before anything is signed.
	const draft = (content: MessageContent, callbackData?: string) =>
		buildMessage({ ...envelope, bizOpaqueCallbackData: callbackData }, content);
	const approvalContent = (ids: { approve: string; decline: string }): MessageContent => {
		const buttons = [{ id: ids.approve, title: readText(this, 'approveLabel', itemIndex) }];
		if (this.getNodeParameter('approvalType', itemIndex, 'double') === 'double')
			buttons.push({ id: ids.decline, title: readText(this, 'declineLabel', itemIndex) });
		return { type: 'replyButtons', body: question, footer: options.footer, buttons };
	};
	const textContent: MessageContent = { type: 'text', body: question, previewUrl: false };
	const formDraft = (flowToken: string) =>
		formQuestion(this, itemIndex, envelope, { body: question, footer: options.footer }, flowToken);
	const checked =
		responseType === 'approval'
			? draft(approvalContent({ approve: 'approve', decline: 'decline' }))
			: responseType === 'form'
				? formDraft('form')
				: draft(textContent);
	assertNoViolations(this, labelled(checked.violations), itemIndex, 'WhatsApp question');
	const waitTill = waitUntil(this);
	const recipient = checked.recipient;
	if (!recipient)
		throw new NodeOperationError(this.getNode(), 'Recipient could not be read', { itemIndex });

	// n8n 2.8 checks the signature only when asked; later lines always check it for sendAndWait.
	if (typeof this.setSignatureValidationRequired === 'function')
		this.setSignatureValidationRequired();
	const binding = bindingOf(recipient);
	const built =
		responseType === 'approval'
			? draft(
					approvalContent({
						approve: tokenFor(this, 'approve', binding),
						decline: tokenFor(this, 'decline', binding),
					}),
				)
			: responseType === 'form'
				? formDraft(tokenFor(this, 'form', binding))
				: draft(textContent, tokenFor(this, 'text', binding));
	assertNoViolations(this, labelled(built.violations), itemIndex, 'WhatsApp question');
	const sent = await sendMessage(this, built, itemIndex, [], {});

	await this.putExecutionToWait(waitTill);
	// What the node gives when the time limit passes: n8n then passes the data it waited with on
	// unchanged (the waiting node is resumed disabled), so that data says the wait timed out.
	const timedOut: INodeExecutionData[] = [
		{
			json: {
				timedOut: true,
				dropped: false,
				answer: null,
				approved: null,
				text: null,
				question: sent as IDataObject,
			},
			pairedItem: { item: itemIndex },
		},
	];
	const waiting = this.getExecuteData();
	waiting.data = { main: [timedOut] };
	return timedOut;
}

/**
 * The resume request the trigger posts once n8n has checked its signature (what was answered and by
 * whom: the URL's query). The rest of the answer is in the body, which n8n does not sign: it is taken
 * only with the trigger's signature over all of it (domain/waitAnswers.ts), checked with this node's
 * credential; without it nothing is resumed (401). This function must not throw: n8n would resume
 * the execution with the error.
 */
export async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = this.getQueryData() as { answer?: string; contact?: string };
	const body = readAnswerBody(this.getBodyData());
	const answer: WaitAnswer =
		query.answer === 'approve' || query.answer === 'decline' || query.answer === 'form'
			? query.answer
			: 'text';
	const signed = {
		executionId: String(this.getExecutionId() ?? ''),
		nodeId: this.getNode().id,
		answer,
		contactKey: String(query.contact ?? ''),
		body,
	};
	const response = this.getResponseObject();
	let apiKey: string;
	try {
		apiKey = (await resolveCredentials.call(this)).apiKey;
	} catch {
		// Not the trigger's fault: it answers 360dialog with an error, and the answer comes again.
		response.status(500).json({ error: 'The 360dialog credential of this node could not be read' });
		return { noWebhookResponse: true };
	}
	if (!answerSignatureMatches(apiKey, signed, this.getHeaderData()[ANSWER_SIGNATURE.header])) {
		response.status(401).json({ error: UNSIGNED_ANSWER_ERROR });
		return { noWebhookResponse: true };
	}
	const dropped = body.dropped !== null;
	return {
		webhookResponse: { resumed: true },
		workflowData: [
			[
				{
					json: {
						timedOut: false,
						dropped,
						...(dropped ? { reason: body.dropped } : {}),
						// A form's answer is its fields (the flow's response_json without its token).
						answer: dropped ? null : answer === 'form' ? formFieldsOf(body.form) : answer,
						approved:
							dropped || answer === 'text' || answer === 'form' ? null : answer === 'approve',
						text: body.text,
						respondedBy: body.contact as IDataObject | null,
						respondedAt: body.timestamp,
						answerMessageId: body.messageId,
						questionMessageId: body.questionMessageId,
					},
				},
			],
		],
	};
}
