/** The emulator's routes. Sending: messages (text, template, interactive, media by ID or link, …) and mark as read, with the recipient rules, the 24-hour window and the rate limit. */
import { metaError, type Route } from '../core';
import type { Emulator } from '../server';
import { checkFlowMessage, checkTemplateFlowSend } from './flows';

function userIdOfPhone(emulator: Emulator, digits: string): string | undefined {
	for (const [userId, phone] of emulator.usernameContacts) if (phone === digits) return userId;
	return undefined;
}

/** The answer of the rate limit (messagesPerSecond) to one more message, or undefined when it may go. */
function limitMessages(
	emulator: Emulator,
): { status: number; body: unknown; headers?: Record<string, string> } | undefined {
	if (!emulator.messagesPerSecond) return undefined;
	const now = emulator.rateClock.now();
	while (emulator.acceptedAt.length && now - emulator.acceptedAt[0] >= 1000)
		emulator.acceptedAt.shift();
	if (emulator.acceptedAt.length < emulator.messagesPerSecond) {
		emulator.acceptedAt.push(now);
		return undefined;
	}
	emulator.rateLimited += 1;
	if (emulator.rateLimitAnswer === '400') {
		return {
			status: 400,
			body: {
				meta: {
					success: false,
					http_code: 400,
					developer_message: 'You have exceeded the endpoint rate limit.',
				},
			},
		};
	}
	const retryAfter = Math.max(1, Math.ceil((1000 - (now - emulator.acceptedAt[0])) / 1000));
	return {
		status: 429,
		body: metaError(429, 130429, 'Rate limit hit').body,
		headers: { 'retry-after': String(retryAfter) },
	};
}

/** POST /messages (and /v1/messages): a send, or a mark as read. */
export const messagesRoute: Route = (emulator, { method, path, json }) => {
	if (method === 'POST' && (path === '/messages' || path === '/v1/messages')) {
		if (json.status === 'read') {
			if (typeof json.message_id !== 'string' || !json.message_id)
				return metaError(400, 131009, 'Parameter value is not valid', 'message_id is required');
			return { status: 200, body: { success: true } };
		}
		if (json.messaging_product !== 'whatsapp')
			return metaError(400, 100, 'Invalid parameter', 'messaging_product must be "whatsapp"');
		// A phone number in `to`, or a business-scoped user ID in `recipient` (`to` wins when both are given).
		const byPhone = json.to !== undefined;
		const to = String(byPhone ? json.to : (json.recipient ?? ''));
		if (byPhone && !/^\+?\d{6,16}$/.test(to))
			return metaError(400, 131009, 'Parameter value is not valid', `invalid recipient "${to}"`);
		if (!byPhone && !/^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(to))
			return metaError(
				400,
				131009,
				'Parameter value is not valid',
				`invalid recipient user id "${to}"`,
			);
		if (!byPhone && emulator.staleUserIds.has(to))
			return metaError(
				400,
				131009,
				'Parameter value is not valid',
				`user id "${to}" is no longer valid`,
			);
		if (typeof json.type !== 'string')
			return metaError(400, 131008, 'Required parameter is missing', 'type is required');
		if (json.type === 'template') {
			const template = json.template ?? {};
			const known = emulator.templates.find(
				(candidate) =>
					candidate.name === template.name && candidate.language === template.language?.code,
			);
			if (!known || known.status.toLowerCase() !== 'approved') {
				return metaError(
					404,
					132001,
					'Template name does not exist in the translation',
					`template ${template.name} (${template.language?.code}) not found`,
				);
			}
			const flowRefused = checkTemplateFlowSend(known, template.components);
			if (flowRefused) return flowRefused;
			if (!byPhone && known.category.toUpperCase() === 'AUTHENTICATION')
				return metaError(
					400,
					131062,
					'Business-scoped user ID cannot receive authentication templates',
					`template ${known.name} is an authentication template`,
				);
		}
		if (json.type === 'interactive' && json.interactive?.type === 'request_contact_info') {
			const interactive = json.interactive as Record<string, any>;
			if (
				typeof interactive.body?.text !== 'string' ||
				interactive.body.text === '' ||
				interactive.action?.name !== 'request_contact_info' ||
				interactive.header ||
				interactive.footer
			)
				return metaError(
					400,
					100,
					'Invalid parameter',
					'request_contact_info takes a body text and action name request_contact_info only',
				);
		}
		if (json.type === 'interactive' && json.interactive?.type === 'flow') {
			const refused = checkFlowMessage(emulator, json.interactive as Record<string, any>);
			if (refused) return refused;
		}
		// The contact behind the identifier: a username contact who hides their number has no wa_id.
		const userId = byPhone ? userIdOfPhone(emulator, to.replace(/^\+/, '')) : to;
		const hiddenPhone = !byPhone && emulator.usernameContacts.get(to) === null;
		const waId = byPhone ? to.replace(/^\+/, '') : (emulator.usernameContacts.get(to) ?? null);
		// Meta "Block users": the business cannot message a contact it blocked (130403, as BSPs quote Meta's list).
		if (emulator.blocked.has(waId ?? to))
			return metaError(
				400,
				130403,
				'Unable to deliver the message',
				'Unable to deliver the message. This business has blocked the end user on WhatsApp',
			);
		if (json.type !== 'template' && emulator.closedWindows.has(waId ?? to)) {
			return metaError(
				400,
				131047,
				'Re-engagement message',
				'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
			);
		}
		const limited = limitMessages(emulator);
		if (limited) return limited;
		const id = `wamid.${emulator.nextId('E')}`;
		emulator.sent.push({ id, to: waId ?? to, payload: json, at: Date.now() });
		return {
			status: 200,
			body: {
				messaging_product: 'whatsapp',
				contacts: [
					{
						input: to,
						...(waId && !hiddenPhone ? { wa_id: waId } : {}),
						...(userId ? { user_id: userId } : {}),
					},
				],
				messages: [{ id, ...(json.type === 'template' ? { message_status: 'accepted' } : {}) }],
			},
		};
	}
	return undefined;
};
