/** The read receipt of an inbound message: blue ticks, and "typing…" when asked for. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { markAsReadPayload } from '../../domain/messages';
import { apiRequest } from '../../transport/request';
import { assertNoViolations } from '../validation';

/** Marks a message read (and shows "typing…"); 360dialog's answer, or its refusal as an error. */
export async function sendReadReceipt(
	ctx: IExecuteFunctions,
	messageId: string,
	typingIndicator: boolean,
	itemIndex: number,
): Promise<{ payload: Record<string, unknown>; response: IDataObject }> {
	const { payload, violations } = markAsReadPayload(messageId, typingIndicator);
	assertNoViolations(ctx, violations, itemIndex, 'mark-as-read request');
	const response = await apiRequest.call(ctx, {
		method: 'POST',
		endpoint: 'messages',
		body: payload as IDataObject,
		idempotent: true, // reading a message twice changes nothing
		hintContexts: ['readReceipt'],
		itemIndex,
	});
	return { payload, response };
}

/**
 * Send's "Mark Replied Message as Read and Show Typing": a courtesy before the reply. When the
 * receipt fails (a message older than 30 days, an unknown ID, 360dialog unreachable), the reply still
 * goes out; what went wrong comes back in plain words for the item's output.
 */
export async function markRepliedAsRead(
	ctx: IExecuteFunctions,
	messageId: string,
	itemIndex: number,
): Promise<string | undefined> {
	try {
		await sendReadReceipt(ctx, messageId, true, itemIndex);
		return undefined;
	} catch (caught) {
		const error = caught as Error & { description?: string | null };
		return [
			`The replied message ${messageId.trim()} was not marked as read: ${error.message}`,
			error.description,
		]
			.filter(Boolean)
			.join('\n');
	}
}
