/**
 * Message payloads for POST /messages, built from what a user fills in and checked against the rules
 * table before anything is sent. Every violation is collected, so one error names them all. One file
 * per concern: the envelope every send shares, media, interactive messages, contact cards.
 */
import { countCharacters, RuleChecks } from '../checks';
import { MESSAGE_RULES } from '../rules/messages';
import { contactsMessage } from './contacts';
import { addressMessage, type BuiltMessage, type MessageEnvelope } from './envelope';
import {
	ctaUrlMessage,
	listMessage,
	replyButtonsMessage,
	requestContactInfoMessage,
} from './interactive';
import { flowMessage } from './flow';
import { mediaMessage } from './media';
import type { ContentPayload, MessageContent } from './types';

export * from './envelope';
export { flowMessage, type FlowAction, type FlowMessageContent } from './flow';
export { checkMediaFile, mediaKindFor, withMediaId } from './media';
export type {
	ContactCard,
	InteractiveText,
	ListRow,
	MediaSource,
	MessageContent,
	MessageType,
	PendingUpload,
} from './types';

/** How a text over the limit can still go out, where the sender offers it. */
export const TEXT_SPLIT_HINT =
	'or set Options › Split Text Longer Than to send it as several messages';

function contentPayload(content: MessageContent, checks: RuleChecks): ContentPayload {
	switch (content.type) {
		case 'text':
			checks.length('Text', content.body, MESSAGE_RULES.text);
			if (content.splittable && countCharacters(content.body) > MESSAGE_RULES.text.max)
				checks.extendLast(TEXT_SPLIT_HINT);
			return {
				body: {
					type: 'text',
					text: { body: content.body, preview_url: content.previewUrl === true },
				},
			};
		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker':
			return mediaMessage(content, checks);
		case 'location': {
			const { latitude, longitude } = content;
			if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)
				checks.add('Latitude', `Latitude must be a number from -90 to 90 (got ${latitude})`);
			if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
				checks.add('Longitude', `Longitude must be a number from -180 to 180 (got ${longitude})`);
			checks.optionalLength('Location Name', content.name, MESSAGE_RULES.locationName);
			checks.optionalLength('Address', content.address, MESSAGE_RULES.locationAddress);
			return {
				body: {
					type: 'location',
					location: {
						latitude,
						longitude,
						...(content.name ? { name: content.name } : {}),
						...(content.address ? { address: content.address } : {}),
					},
				},
			};
		}
		case 'contacts':
			return contactsMessage(content.contacts, checks);
		case 'replyButtons':
			return replyButtonsMessage(content, checks);
		case 'list':
			return listMessage(content, checks);
		case 'ctaUrl':
			return ctaUrlMessage(content, checks);
		case 'requestContactInfo':
			return requestContactInfoMessage(content.body, checks);
		case 'flow':
			return flowMessage(content, checks);
		case 'reaction': {
			if (content.messageId.trim() === '')
				checks.add(
					'Message ID',
					'Message ID must be the wamid of the message to react to (it is empty)',
				);
			// An empty emoji removes the reaction; anything else must be a single emoji.
			if (countCharacters(content.emoji) > 10)
				checks.add(
					'Emoji',
					`Emoji must be one emoji, or empty to remove the reaction (got "${content.emoji}")`,
				);
			return {
				body: {
					type: 'reaction',
					reaction: { message_id: content.messageId.trim(), emoji: content.emoji },
				},
			};
		}
	}
}

/** The whole POST /messages body, or the violations that stop it. */
export function buildMessage(envelope: MessageEnvelope, content: MessageContent): BuiltMessage {
	const checks = new RuleChecks();
	const { body, pendingUpload } = contentPayload(content, checks);
	return { ...addressMessage(envelope, body, checks.violations), pendingUpload };
}
