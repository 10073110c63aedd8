import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	buildMessage,
	withMediaId,
	type ListRow,
	type MediaSource,
	type MessageContent,
	type MessageType,
} from '../../domain/messages';
import { textOf } from '../../domain/values';
import { uploadMedia } from '../../transport/media';
import { simplifyField } from '../descriptions/common';
import { recipientField, sendingOptionsField } from '../descriptions/sending';
import { updateDisplayOptions } from '../displayOptions';
import { collectionEntries, readBinaryFile, readText, type BinaryFile } from '../parameters';
import { assertNoViolations } from '../validation';
import { contactsFields } from './descriptions/contacts';
import { interactiveFields } from './descriptions/interactive';
import { locationFields } from './descriptions/location';
import { mediaFields } from './descriptions/media';
import { MESSAGE_TYPE_OPTIONS } from './descriptions/messageTypes';
import { reactionFields } from './descriptions/reaction';
import { textFields } from './descriptions/text';
import { readSendingOptions, sendingRunnerOptions, sendMessage } from './sending';

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
	...reactionFields,
	sendingOptionsField,
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	properties,
);

export const runnerOptions = sendingRunnerOptions;

async function readContent(
	ctx: IExecuteFunctions,
	type: MessageType,
	itemIndex: number,
): Promise<{ content: MessageContent; file?: BinaryFile }> {
	const interactive = () => ({
		body: readText(ctx, 'body', itemIndex),
		header: readText(ctx, 'headerText', itemIndex),
		footer: readText(ctx, 'footer', itemIndex),
	});
	switch (type) {
		case 'text':
			return {
				content: {
					type,
					body: readText(ctx, 'text', itemIndex),
					previewUrl: ctx.getNodeParameter('previewUrl', itemIndex, false) as boolean,
				},
			};
		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker': {
			const source = ctx.getNodeParameter('mediaSource', itemIndex, 'link') as string;
			const caption = ['image', 'video', 'document'].includes(type)
				? readText(ctx, 'caption', itemIndex)
				: undefined;
			const filename = type === 'document' ? readText(ctx, 'filename', itemIndex) : undefined;
			if (source === 'binary') {
				const file = await readBinaryFile(
					ctx,
					itemIndex,
					readText(ctx, 'binaryPropertyName', itemIndex),
				);
				const media: MediaSource = {
					upload: { mimeType: file.mimeType, bytes: file.data.length, fileName: file.fileName },
				};
				return {
					content: {
						type,
						media,
						caption,
						filename: filename || (type === 'document' ? file.fileName : undefined),
					},
					file,
				};
			}
			const media: MediaSource =
				source === 'id'
					? { id: readText(ctx, 'mediaId', itemIndex) }
					: { link: readText(ctx, 'mediaLink', itemIndex) };
			return { content: { type, media, caption, filename } };
		}
		case 'location':
			return {
				content: {
					type,
					latitude: Number(ctx.getNodeParameter('latitude', itemIndex)),
					longitude: Number(ctx.getNodeParameter('longitude', itemIndex)),
					name: readText(ctx, 'locationName', itemIndex),
					address: readText(ctx, 'address', itemIndex),
				},
			};
		case 'contacts':
			return {
				content: {
					type,
					contacts: collectionEntries(ctx, 'contacts', 'contact', itemIndex).map((card) => ({
						formattedName: textOf(card.formattedName),
						firstName: card.firstName ? textOf(card.firstName) : undefined,
						lastName: card.lastName ? textOf(card.lastName) : undefined,
						company: card.company ? textOf(card.company) : undefined,
						birthday: card.birthday ? textOf(card.birthday) : undefined,
						phones: card.phone
							? [
									{
										phone: textOf(card.phone),
										type: 'CELL',
										waId: card.waId ? textOf(card.waId) : undefined,
									},
								]
							: [],
						emails: card.email ? [{ email: textOf(card.email), type: 'WORK' }] : [],
						urls: card.url ? [{ url: textOf(card.url), type: 'WORK' }] : [],
					})),
				},
			};
		case 'replyButtons':
			return {
				content: {
					type,
					...interactive(),
					buttons: collectionEntries(ctx, 'buttons', 'button', itemIndex).map((button) => ({
						id: textOf(button.id),
						title: textOf(button.title),
					})),
				},
			};
		case 'list':
			return {
				content: {
					type,
					...interactive(),
					button: readText(ctx, 'listButton', itemIndex),
					rows: collectionEntries(ctx, 'rows', 'row', itemIndex).map((row): ListRow => ({
						section: textOf(row.section),
						id: textOf(row.id),
						title: textOf(row.title),
						description: textOf(row.description),
					})),
				},
			};
		case 'ctaUrl':
			return {
				content: {
					type,
					...interactive(),
					displayText: readText(ctx, 'ctaDisplayText', itemIndex),
					url: readText(ctx, 'ctaUrl', itemIndex),
				},
			};
		case 'requestContactInfo':
			return { content: { type, body: readText(ctx, 'body', itemIndex) } };
		case 'reaction':
			return {
				content: {
					type,
					messageId: readText(ctx, 'reactionMessageId', itemIndex),
					emoji: readText(ctx, 'emoji', itemIndex),
				},
			};
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('messageType', itemIndex) as MessageType;
	const options = readSendingOptions(this, itemIndex);
	const { content, file } = await readContent(this, type, itemIndex);
	const built = buildMessage(
		{
			to: this.getNodeParameter('to', itemIndex),
			defaultCountry: options.defaultCountry,
			replyTo: options.replyTo,
			bizOpaqueCallbackData: options.bizOpaqueCallbackData,
		},
		content,
	);
	assertNoViolations(this, built.violations, itemIndex, 'WhatsApp message');

	if (built.pendingUpload && file) {
		const mediaId = await uploadMedia.call(
			this,
			{ data: file.data, mimeType: built.pendingUpload.mimeType, fileName: file.fileName },
			itemIndex,
		);
		built.payload = withMediaId(built.payload, built.pendingUpload.kind, mediaId);
	}
	return await sendMessage(this, built, itemIndex);
}
