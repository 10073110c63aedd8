/** The fields of a reaction. */
import type { INodeProperties } from 'n8n-workflow';

import { forTypes } from './messageTypes';

export const reactionFields: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'reactionMessageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgL...',
		description: 'The message to react to (at most 30 days old)',
		displayOptions: forTypes(['reaction']),
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '👍',
		description: 'One emoji; leave empty to remove your reaction',
		displayOptions: forTypes(['reaction']),
	},
];
