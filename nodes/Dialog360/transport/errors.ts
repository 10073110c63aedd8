/**
 * The errors the transport throws: API answers as NodeApiError with the WhatsApp code and a hint,
 * connection failures and answers that leave a send in doubt as errors that say so. Every text goes
 * through `redact`, so a server that echoes the key never puts it into an error.
 */
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { hintFor, type ApiErrorInfo, type HintContext } from '../domain/apiErrors';

/** Replaces the key wherever it could have been echoed (a proxy, a misconfigured server). */
export function redact(text: string, apiKey: string): string {
	if (!apiKey || apiKey.length < 4) return text;
	return text.split(apiKey).join('[redacted]');
}

/** The words every "in doubt" failure shares, so users (and workflows) recognise them. */
export const IN_DOUBT = 'may or may not have been processed';

const NOT_REPEATED =
	'It was not repeated, so that nothing is sent twice: check the chat or the status events before sending it again.';

export function markInDoubt<T extends NodeApiError | NodeOperationError>(error: T): T {
	error.context.ambiguous = true;
	return error;
}

export function isInDoubt(error: unknown): boolean {
	return Boolean((error as { context?: IDataObject } | undefined)?.context?.ambiguous);
}

function messageOf(info: ApiErrorInfo): string {
	// Meta's own messages already start with "(#130429)"; the code is added only when missing.
	const codeText =
		info.code !== undefined && !info.message.includes(`(#${info.code})`) ? ` (#${info.code})` : '';
	return `360dialog: ${info.message}${codeText}`;
}

export function apiError(
	node: INode,
	info: ApiErrorInfo,
	apiKey: string,
	itemIndex?: number,
	extra: { hint?: string; note?: string; hintContexts?: HintContext[] } = {},
): NodeApiError {
	const message = redact(messageOf(info), apiKey);
	const description = [extra.note, info.details, extra.hint ?? hintFor(info, extra.hintContexts)]
		.filter((part): part is string => Boolean(part))
		.map((part) => redact(part, apiKey))
		.join('\n');
	const safeBody: JsonObject = {
		message,
		httpCode: String(info.httpCode),
		...(info.code !== undefined ? { whatsappCode: info.code } : {}),
		...(info.details ? { details: redact(info.details, apiKey) } : {}),
	};
	const error = new NodeApiError(node, safeBody, {
		message,
		description: description || undefined,
		httpCode: String(info.httpCode),
		itemIndex,
	});
	// The answer as read, for callers that decide on it (MM Lite's fallback); redacted like the rest.
	error.context.apiAnswer = {
		httpCode: info.httpCode,
		...(info.code !== undefined ? { code: info.code } : {}),
		message: redact(info.message, apiKey),
		...(info.details ? { details: redact(info.details, apiKey) } : {}),
	};
	return error;
}

/** The API answer an error was made from (apiError), or undefined for any other failure. */
export function answerOf(error: unknown): ApiErrorInfo | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	return error.context?.apiAnswer as ApiErrorInfo | undefined;
}

/**
 * A 500, 502 or 504 to a request that is not repeated: the server may have processed it before it
 * failed (a gateway whose upstream accepted the message). Same words and flag as a lost connection.
 */
export function serverErrorInDoubt(
	node: INode,
	info: ApiErrorInfo,
	apiKey: string,
	itemIndex: number | undefined,
	offersRetryOption: boolean,
): NodeApiError {
	const error = apiError(
		node,
		{
			...info,
			message: `HTTP ${info.httpCode} after the request was sent, so it ${IN_DOUBT} (${info.message})`,
		},
		apiKey,
		itemIndex,
		{
			hint: NOT_REPEATED,
			note: offersRetryOption
				? 'To retry such answers anyway, turn on Options › Retry Server Errors (May Send Twice).'
				: undefined,
		},
	);
	return markInDoubt(error);
}

/**
 * A request that got no answer. The socket error code stays out of the message: n8n's errors swap a
 * message naming one for a generic text.
 */
export function connectionError(
	node: INode,
	code: string | undefined,
	inDoubt: boolean,
	gaveUpAfter: number | undefined,
	itemIndex?: number,
): NodeOperationError {
	const message = inDoubt
		? `The connection to 360dialog failed after the request was sent, so it ${IN_DOUBT}`
		: '360dialog could not be reached';
	const description = [
		`Connection error: ${code ?? 'unknown'}.`,
		inDoubt ? NOT_REPEATED : '',
		gaveUpAfter ? `Gave up after ${gaveUpAfter} attempts.` : '',
	]
		.filter(Boolean)
		.join(' ');
	const error = new NodeOperationError(node, message, { description, itemIndex });
	return inDoubt ? markInDoubt(error) : error;
}

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * n8n's error panel renders a description as sanitised HTML, where line breaks collapse, and shows
 * the context's `descriptionTemplate` instead when there is one (n8n's expression errors set it).
 * The description stays plain text, one violation per line (items under Continue On Fail, error
 * workflows, logs); the panel gets the same lines as HTML: "• " lines as a list, others as paragraphs.
 */
export function withPanelDescription<T extends NodeApiError | NodeOperationError>(error: T): T {
	const lines = (error.description ?? '').split('\n');
	if (lines.length < 2) return error;
	const html: string[] = [];
	let list: string[] = [];
	for (const line of [...lines, '']) {
		if (line.startsWith('• ')) {
			list.push(`<li>${escapeHtml(line.slice(2))}</li>`);
			continue;
		}
		if (list.length) html.push(`<ul>${list.join('')}</ul>`);
		list = [];
		if (line.trim()) html.push(`<p>${escapeHtml(line)}</p>`);
	}
	error.context.descriptionTemplate = html.join('');
	return error;
}
