import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { markdownToWhatsApp } from '../../domain/markdown';
import {
	buildMessage,
	markAsReadPayload,
	withMediaId,
	type BuiltMessage,
	type ListRow,
	type MediaSource,
	type MessageContent,
	type MessageType,
} from '../../domain/messages';
import { messageLength, SPLIT_RULES, splitText } from '../../domain/splitText';
import { textOf } from '../../domain/values';
import { IN_DOUBT, isInDoubt, markInDoubt } from '../../transport/errors';
import { uploadMedia } from '../../transport/media';
import { apiRequest } from '../../transport/request';
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
import {
	readSendingOptions,
	sendingRunnerOptions,
	sendMessage,
	type SendingOptions,
} from './sending';

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

/** Bulk sends: several items in flight at once, at the rate and concurrency the Options set. */
export const runShape = 'paced';
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
					splittable: true,
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

/** The text of the content in WhatsApp formatting: Markdown converted when the option says so. */
function formatted(content: MessageContent, format: SendingOptions['textFormat']): MessageContent {
	if (format !== 'markdown') return content;
	const convert = (text: string | undefined) =>
		text === undefined || text === '' ? text : markdownToWhatsApp(text);
	switch (content.type) {
		case 'text':
			return { ...content, body: convert(content.body) ?? '' };
		case 'image':
		case 'video':
		case 'document':
			return { ...content, caption: convert(content.caption) };
		case 'replyButtons':
		case 'list':
		case 'ctaUrl':
		case 'requestContactInfo':
			return { ...content, body: convert(content.body) ?? '' };
		default:
			return content;
	}
}

/** The texts to send: one, or the parts of a long text when Split Text Longer Than is set. */
function textParts(content: MessageContent, splitAt: number | undefined): MessageContent[] {
	if (content.type !== 'text' || !splitAt || messageLength(content.body) <= splitAt)
		return [content];
	return splitText(content.body, splitAt).map((body) => ({ ...content, body }));
}

/**
 * Sends the parts of a split text one after the other. A part that fails stops the rest; the error
 * says which parts went out (with their IDs) so that nothing is sent twice by a re-run.
 */
async function sendParts(
	ctx: IExecuteFunctions,
	parts: BuiltMessage[],
	itemIndex: number,
	options: SendingOptions,
): Promise<IDataObject> {
	const results: IDataObject[] = [];
	for (const [index, part] of parts.entries()) {
		// The outcome as a value: the first part's error goes out as it is, a later one names the parts sent.
		const outcome = await sendMessage(ctx, part, itemIndex, [], options).then(
			(result) => ({ result }),
			(error: Error) => ({ error }),
		);
		if ('result' in outcome) {
			results.push(outcome.result);
			continue;
		}
		if (index === 0) throw outcome.error;
		const sent = results.map((result) => textOf(result.messageId ?? result.messages)).join(', ');
		const failed = new NodeOperationError(
			ctx.getNode(),
			`Part ${index + 1} of ${parts.length} of the text failed: ${outcome.error.message}`,
			{
				itemIndex,
				description: `Parts 1–${index} were sent (${sent}). Part ${index + 1} ${isInDoubt(outcome.error) ? IN_DOUBT : 'was not sent'}; the parts after it were not sent.`,
			},
		);
		throw isInDoubt(outcome.error) ? markInDoubt(failed) : failed;
	}
	if (parts.length === 1) return results[0];
	return {
		...results[0],
		messageIds: results.map((result) => result.messageId ?? null),
		parts: parts.length,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('messageType', itemIndex) as MessageType;
	const options = readSendingOptions(this, itemIndex);
	const read = await readContent(this, type, itemIndex);
	const content = formatted(read.content, options.textFormat);
	const envelope = {
		to: this.getNodeParameter('to', itemIndex),
		defaultCountry: options.defaultCountry,
		bizOpaqueCallbackData: options.bizOpaqueCallbackData,
	};
	const splitAt = Number(options.splitAt) || 0;
	if (splitAt > 0 && splitAt < SPLIT_RULES.minimum)
		assertNoViolations(
			this,
			[
				{
					field: 'Split Text Longer Than',
					message: `Split Text Longer Than must be 0 (no splitting) or at least ${SPLIT_RULES.minimum} characters (got ${splitAt})`,
				},
			],
			itemIndex,
			'WhatsApp message',
		);
	// Every part is checked before the first is sent; only the first quotes the replied message.
	const parts = textParts(content, splitAt).map((part, index) =>
		buildMessage({ ...envelope, replyTo: index === 0 ? options.replyTo : undefined }, part),
	);
	assertNoViolations(
		this,
		parts.flatMap((part) => part.violations),
		itemIndex,
		'WhatsApp message',
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
	if (options.markAsReadAndType && options.replyTo) {
		const { payload, violations } = markAsReadPayload(textOf(options.replyTo), true);
		assertNoViolations(this, violations, itemIndex, 'mark-as-read request');
		await apiRequest.call(this, {
			method: 'POST',
			endpoint: 'messages',
			body: payload as IDataObject,
			idempotent: true, // reading a message twice changes nothing
			itemIndex,
		});
	}
	return await sendParts(this, parts, itemIndex, options);
}
