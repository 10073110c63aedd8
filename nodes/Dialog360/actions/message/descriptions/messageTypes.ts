/** The message types of Send, and the condition that shows a field for some of them. */
import type { IDisplayOptions, INodePropertyOptions } from 'n8n-workflow';

import type { MessageType } from '../../../domain/messages';
import { capitalize, formatBytes } from '../../../domain/checks';
import { MEDIA_RULES, type MediaKind } from '../../../domain/rules/media';

export const MEDIA_TYPES: MediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];
export const INTERACTIVE_TYPES: MessageType[] = ['replyButtons', 'list', 'ctaUrl', 'flow'];
/** The types that have a Body text field. */
export const BODY_TYPES: MessageType[] = [...INTERACTIVE_TYPES, 'requestContactInfo'];

/** Shows a field for these message types only. */
export function forTypes(types: MessageType[]): IDisplayOptions {
	return { show: { messageType: types } };
}

/** "JPEG or PNG, at most 5 MB": what a media kind accepts, from the rule table. */
function mediaDescription(kind: MediaKind): string {
	const rule = MEDIA_RULES[kind];
	return `${capitalize(rule.formats)}, at most ${formatBytes(rule.maxBytes)}${rule.note ? ` (${rule.note})` : ''}`;
}

export const MESSAGE_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Audio', value: 'audio', description: mediaDescription('audio') },
	{ name: 'Contacts', value: 'contacts', description: 'One or more contact cards' },
	{
		name: 'CTA URL Button',
		value: 'ctaUrl',
		description: 'Text with one button that opens a link',
	},
	{ name: 'Document', value: 'document', description: mediaDescription('document') },
	{
		name: 'Flow',
		value: 'flow',
		description: 'Text with a button that opens a WhatsApp Flow (a form) in the chat',
	},
	{ name: 'Image', value: 'image', description: mediaDescription('image') },
	{ name: 'List', value: 'list', description: 'Text with a menu of up to 10 rows' },
	{ name: 'Location', value: 'location', description: 'A pin on the map' },
	{
		name: 'Reaction',
		value: 'reaction',
		description: 'An emoji on a message in the chat, or none to remove it',
	},
	{
		name: 'Reply Buttons',
		value: 'replyButtons',
		description: 'Text with up to 3 quick-reply buttons',
	},
	{ name: 'Sticker', value: 'sticker', description: mediaDescription('sticker') },
	{ name: 'Text', value: 'text' },
	{ name: 'Video', value: 'video', description: mediaDescription('video') },
];
