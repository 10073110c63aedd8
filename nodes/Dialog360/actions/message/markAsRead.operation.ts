import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../displayOptions';
import { readText } from '../parameters';
import { sendReadReceipt } from './readReceipt';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgL...',
		description:
			'The ID of an inbound message (at most 30 days old), for example the message ID from the trigger. Earlier messages in the chat are marked read too.',
	},
	{
		displayName: 'Show Typing Indicator',
		name: 'typingIndicator',
		type: 'boolean',
		default: false,
		description: 'Whether the contact sees "typing…" until you reply or for at most 25 seconds',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['markAsRead'] } },
	properties,
);

/** One mark per item, one at a time: each item names its own message. */
export const runShape = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = readText(this, 'messageId', itemIndex);
	const { payload, response } = await sendReadReceipt(
		this,
		messageId,
		this.getNodeParameter('typingIndicator', itemIndex, false) as boolean,
		itemIndex,
	);
	return { success: response.success === true, messageId: payload.message_id as string };
}
