/** The fields of a text message. */
import type { INodeProperties } from 'n8n-workflow';

import { MESSAGE_RULES } from '../../../domain/rules/messages';
import { forTypes } from './messageTypes';

export const textFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: `The message, at most ${MESSAGE_RULES.text.max} characters (longer with Options › Split Text Longer Than). *bold*, _italic_, ~strike~ and \`\`\`code\`\`\` work as in WhatsApp; with Options › Text Format: Markdown, Markdown works too.`,
		displayOptions: forTypes(['text']),
	},
	{
		displayName: 'Show Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first link in the text',
		displayOptions: forTypes(['text']),
	},
];
