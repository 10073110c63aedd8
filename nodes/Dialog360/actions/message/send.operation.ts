import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMediaId, type MessageType } from '../../domain/messages';
import { textOf } from '../../domain/values';
import { uploadMedia } from '../../transport/media';
import { simplifyField } from '../descriptions/common';
import { recipientField, sendingOptionsField } from '../descriptions/sending';
import { updateDisplayOptions } from '../displayOptions';
import { itemParameter } from '../parameters';
import { formatted, readContent } from './content';
import { contactsFields } from './descriptions/contacts';
import { flowFields } from './descriptions/flow';
import { interactiveFields } from './descriptions/interactive';
import { locationFields } from './descriptions/location';
import { mediaFields } from './descriptions/media';
import { MESSAGE_TYPE_OPTIONS } from './descriptions/messageTypes';
import { reactionFields } from './descriptions/reaction';
import { textFields } from './descriptions/text';
import { markRepliedAsRead } from './readReceipt';
import { sendingRunnerOptions, takeSendingItem } from './sending';
import { buildParts, sendParts } from './textParts';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		default: 'text',
		// Free-form messages reach a contact only within 24 hours of their last message; use Send Template otherwise.
		description:
			'What to send. Outside the 24-hour customer-service window only templates are delivered (use Send Template).',
		options: MESSAGE_TYPE_OPTIONS,
	},
	...textFields,
	...mediaFields,
	...locationFields,
	...contactsFields,
	...interactiveFields,
	...flowFields,
	...reactionFields,
	sendingOptionsField,
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	properties,
);

/** Bulk sends: several items in flight at once, at the rate and concurrency the Options set. */
export const runShape = 'paced';
export const runnerOptions = sendingRunnerOptions;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = itemParameter(this, 'messageType', itemIndex) as MessageType;
	const { to, options, recipient } = takeSendingItem(this, itemIndex);
	const read = await readContent(this, type, itemIndex);
	const envelope = {
		to,
		read: recipient,
		defaultCountry: options.defaultCountry,
		bizOpaqueCallbackData: options.bizOpaqueCallbackData,
	};
	const parts = buildParts(
		this,
		envelope,
		formatted(read.content, options.textFormat),
		options,
		itemIndex,
	);
	const [built] = parts;

	if (built.pendingUpload && read.file) {
		const mediaId = await uploadMedia.call(
			this,
			{
				data: read.file.data,
				mimeType: built.pendingUpload.mimeType,
				fileName: read.file.fileName,
			},
			itemIndex,
		);
		built.payload = withMediaId(built.payload, built.pendingUpload.kind, mediaId);
	}
	// A courtesy: a receipt that fails does not keep the reply back.
	const readReceiptError =
		options.markAsReadAndType && options.replyTo
			? await markRepliedAsRead(this, textOf(options.replyTo), itemIndex)
			: undefined;
	const flowSend = read.content.type === 'flow';
	const sent = await sendParts(this, parts, itemIndex, options, flowSend ? ['flowSend'] : []);
	// The token a flow was sent with comes back with its answer: the workflow needs it to match them.
	const flowToken = read.content.type === 'flow' ? { flowToken: read.content.flowToken } : {};
	return { ...sent, ...flowToken, ...(readReceiptError ? { readReceiptError } : {}) };
}
