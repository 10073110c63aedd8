/** The message types of Send, and the condition that shows a field for some of them. */
import type { IDisplayOptions, INodePropertyOptions } from 'n8n-workflow';

import type { MessageType } from '../../../domain/messages';
import { MEDIA_RULES, type MediaKind } from '../../../domain/rules';

export const MEDIA_TYPES: MediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];
export const INTERACTIVE_TYPES: MessageType[] = ['replyButtons', 'list', 'ctaUrl'];

/** Shows a field for these message types only. */
export function forTypes(types: MessageType[]): IDisplayOptions {
	return { show: { messageType: types } };
}

export const MESSAGE_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Audio', value: 'audio', description: MEDIA_RULES.audio.source },
	{ name: 'Contacts', value: 'contacts', description: 'One or more contact cards' },
	{
		name: 'CTA URL Button',
		value: 'ctaUrl',
		description: 'Text with one button that opens a link',
	},
	{ name: 'Document', value: 'document', description: MEDIA_RULES.document.source },
	{ name: 'Image', value: 'image', description: MEDIA_RULES.image.source },
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
	{ name: 'Sticker', value: 'sticker', description: MEDIA_RULES.sticker.source },
	{ name: 'Text', value: 'text' },
	{ name: 'Video', value: 'video', description: MEDIA_RULES.video.source },
];
