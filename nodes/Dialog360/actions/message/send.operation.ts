import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildMessage, withMediaId, type ListRow, type MediaSource, type MessageContent, type MessageType } from '../../domain/messages';
import { MEDIA_RULES, MESSAGE_COUNT_RULES, MESSAGE_RULES, type MediaKind } from '../../domain/rules';
import { textOf } from '../../domain/values';
import { uploadMedia } from '../../transport/media';
import { readText, simplifyOption } from '../common.descriptions';
import { assertNoViolations } from '../validation';
import { readSendingOptions, recipientField, sendingOptions, sendingRunnerOptions, sendMessage } from './sending';

const OPERATION = 'send';
const MEDIA_TYPES: MediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];
const INTERACTIVE_TYPES: MessageType[] = ['replyButtons', 'list', 'ctaUrl'];

const showFor = (types: MessageType[]) => ({ show: { resource: ['message'], operation: [OPERATION], messageType: types } });

export const description: INodeProperties[] = [
	recipientField(OPERATION),
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		default: 'text',
		displayOptions: { show: { resource: ['message'], operation: [OPERATION] } },
		// Free-form messages reach a contact only within 24 hours of their last message; use Send Template otherwise.
		description: 'What to send. Outside the 24-hour customer-service window only templates are delivered (use Send Template).',
		options: [
			{ name: 'Audio', value: 'audio', description: MEDIA_RULES.audio.source },
			{ name: 'Contacts', value: 'contacts', description: 'One or more contact cards' },
			{ name: 'CTA URL Button', value: 'ctaUrl', description: 'Text with one button that opens a link' },
			{ name: 'Document', value: 'document', description: MEDIA_RULES.document.source },
			{ name: 'Image', value: 'image', description: MEDIA_RULES.image.source },
			{ name: 'List', value: 'list', description: 'Text with a menu of up to 10 rows' },
			{ name: 'Location', value: 'location', description: 'A pin on the map' },
			{ name: 'Reaction', value: 'reaction', description: 'An emoji on a message in the chat, or none to remove it' },
			{ name: 'Reply Buttons', value: 'replyButtons', description: 'Text with up to 3 quick-reply buttons' },
			{ name: 'Sticker', value: 'sticker', description: MEDIA_RULES.sticker.source },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video', description: MEDIA_RULES.video.source },
		],
	},

	// Text
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: `The message, at most ${MESSAGE_RULES.text.max} characters. *bold*, _italic_, ~strike~ and \`\`\`code\`\`\` work as in WhatsApp.`,
		displayOptions: showFor(['text']),
	},
	{
		displayName: 'Show Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first link in the text',
		displayOptions: showFor(['text']),
	},

	// Media
	{
		displayName: 'Media Source',
		name: 'mediaSource',
		type: 'options',
		default: 'link',
		displayOptions: showFor(MEDIA_TYPES),
		options: [
			{ name: 'Link', value: 'link', description: 'A public URL that Meta downloads the file from' },
			{ name: 'Media ID', value: 'id', description: 'An ID returned by Media › Upload (kept 30 days)' },
			{ name: 'Binary File', value: 'binary', description: 'A file in this item, uploaded to 360dialog first' },
		],
		description: 'Where the file comes from',
	},
	{
		displayName: 'Link',
		name: 'mediaLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/picture.jpg',
		description: 'A public http(s) URL of the file',
		displayOptions: { show: { ...showFor(MEDIA_TYPES).show, mediaSource: ['link'] } },
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID of a file uploaded with Media › Upload',
		displayOptions: { show: { ...showFor(MEDIA_TYPES).show, mediaSource: ['id'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to send',
		description: 'Its type and size are checked against the rules for the message type before the upload',
		displayOptions: { show: { ...showFor(MEDIA_TYPES).show, mediaSource: ['binary'] } },
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: `Text under the file, at most ${MESSAGE_RULES.caption.max} characters`,
		displayOptions: showFor(['image', 'video', 'document']),
	},
	{
		displayName: 'File Name',
		name: 'filename',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice.pdf',
		description: 'The name the recipient sees for the document',
		displayOptions: showFor(['document']),
	},

	// Location
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
		required: true,
		default: 0,
		description: 'From -90 to 90',
		displayOptions: showFor(['location']),
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
		required: true,
		default: 0,
		description: 'From -180 to 180',
		displayOptions: showFor(['location']),
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
		description: 'The name shown above the address, for example the shop',
		displayOptions: showFor(['location']),
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		description: 'The address shown under the name',
		displayOptions: showFor(['location']),
	},

	// Contacts
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact',
		default: {},
		description: 'The contact cards to send',
		displayOptions: showFor(['contacts']),
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{
						displayName: 'Birthday',
						name: 'birthday',
						type: 'string',
						default: '',
						placeholder: 'YYYY-MM-DD',
						description: 'The birthday as YYYY-MM-DD',
					},
					{
						displayName: 'Company',
						name: 'company',
						type: 'string',
						default: '',
						description: 'The organisation',
					},
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						default: '',
						placeholder: 'e.g. name@email.com',
						description: 'An email address on the card',
					},
					{
						displayName: 'First Name',
						name: 'firstName',
						type: 'string',
						default: '',
						description: 'Given name',
					},
					{
						displayName: 'Formatted Name',
						name: 'formattedName',
						type: 'string',
						default: '',
							required:	true,
						description: 'The full name as shown on the card',
					},
					{
						displayName: 'Last Name',
						name: 'lastName',
						type: 'string',
						default: '',
						description: 'Family name',
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: 'e.g.	+447700900123',
						description: 'A phone number on the card',
					},
					{
						displayName: 'Phone WhatsApp ID',
						name: 'waId',
						type: 'string',
						default: '',
						description: 'The wa_id of that number, which adds a \'Message\' button to the card',
					},
					{
						displayName: 'Website',
						name: 'url',
						type: 'string',
						default: '',
						description: 'A web address on the card',
					},
				],
			},
		],
	},

	// Interactive
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: `The message text above the buttons, at most ${MESSAGE_RULES.interactiveBody.max} characters`,
		displayOptions: showFor(INTERACTIVE_TYPES),
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		description: `Optional bold line above the body, at most ${MESSAGE_RULES.interactiveHeader.max} characters`,
		displayOptions: showFor(INTERACTIVE_TYPES),
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
		description: `Optional grey line under the body, at most ${MESSAGE_RULES.interactiveFooter.max} characters`,
		displayOptions: showFor(INTERACTIVE_TYPES),
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description: `${MESSAGE_COUNT_RULES.replyButtons.min} to ${MESSAGE_COUNT_RULES.replyButtons.max} buttons with unique titles; the ID comes back in the reply event`,
		displayOptions: showFor(['replyButtons']),
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, description: `At most ${MESSAGE_RULES.replyButtonTitle.max} characters` },
					{ displayName: 'ID', name: 'id', type: 'string', default: '', required: true, description: `Your ID for this choice, at most ${MESSAGE_RULES.replyButtonId.max} characters` },
				],
			},
		],
	},
	{
		displayName: 'List Button Text',
		name: 'listButton',
		type: 'string',
		required: true,
		default: 'Options',
		description: `The button that opens the list, at most ${MESSAGE_RULES.listButton.max} characters`,
		displayOptions: showFor(['list']),
	},
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Row',
		default: {},
		description: `At most ${MESSAGE_COUNT_RULES.listRows.max} rows in all. Rows with the same Section Title are grouped; with more than one section every row needs one.`,
		displayOptions: showFor(['list']),
		options: [
			{
				displayName: 'Row',
				name: 'row',
				values: [
					{ displayName: 'Section Title', name: 'section', type: 'string', default: '', description: `At most ${MESSAGE_RULES.listSectionTitle.max} characters; leave empty for a list with one section` },
					{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, description: `At most ${MESSAGE_RULES.listRowTitle.max} characters` },
					{ displayName: 'ID', name: 'id', type: 'string', default: '', required: true, description: `Your ID for this row, at most ${MESSAGE_RULES.listRowId.max} characters` },
					{ displayName: 'Description', name: 'description', type: 'string', default: '', description: `At most ${MESSAGE_RULES.listRowDescription.max} characters` },
				],
			},
		],
	},
	{
		displayName: 'Button Text',
		name: 'ctaDisplayText',
		type: 'string',
		required: true,
		default: '',
		description: `The button label, at most ${MESSAGE_RULES.ctaDisplayText.max} characters`,
		displayOptions: showFor(['ctaUrl']),
	},
	{
		displayName: 'Button URL',
		name: 'ctaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/order/123',
		description: 'The link the button opens',
		displayOptions: showFor(['ctaUrl']),
	},

	// Reaction
	{
		displayName: 'Message ID',
		name: 'reactionMessageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgL...',
		description: 'The message to react to (at most 30 days old)',
		displayOptions: showFor(['reaction']),
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '👍',
		description: 'One emoji; leave empty to remove your reaction',
		displayOptions: showFor(['reaction']),
	},

	sendingOptions(OPERATION),
	simplifyOption({ resource: 'message', operation: OPERATION }),
];

export const runnerOptions = sendingRunnerOptions;

function entries(ctx: IExecuteFunctions, name: string, key: string, itemIndex: number): IDataObject[] {
	const collection = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	return (collection[key] as IDataObject[] | undefined) ?? [];
}

async function readContent(ctx: IExecuteFunctions, type: MessageType, itemIndex: number): Promise<{ content: MessageContent; file?: { data: Buffer; fileName?: string } }> {
	const interactive = () => ({ body: readText(ctx, 'body', itemIndex), header: readText(ctx, 'headerText', itemIndex), footer: readText(ctx, 'footer', itemIndex) });
	switch (type) {
		case 'text':
			return { content: { type, body: readText(ctx, 'text', itemIndex), previewUrl: ctx.getNodeParameter('previewUrl', itemIndex, false) as boolean } };
		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker': {
			const source = ctx.getNodeParameter('mediaSource', itemIndex, 'link') as string;
			const caption = ['image', 'video', 'document'].includes(type) ? readText(ctx, 'caption', itemIndex) : undefined;
			const filename = type === 'document' ? readText(ctx, 'filename', itemIndex) : undefined;
			if (source === 'binary') {
				const property = readText(ctx, 'binaryPropertyName', itemIndex);
				const binary = ctx.helpers.assertBinaryData(itemIndex, property);
				const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
				const media: MediaSource = { upload: { mimeType: binary.mimeType, bytes: data.length, fileName: binary.fileName } };
				return { content: { type, media, caption, filename: filename || (type === 'document' ? binary.fileName : undefined) }, file: { data, fileName: binary.fileName } };
			}
			const media: MediaSource = source === 'id' ? { id: readText(ctx, 'mediaId', itemIndex) } : { link: readText(ctx, 'mediaLink', itemIndex) };
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
					contacts: entries(ctx, 'contacts', 'contact', itemIndex).map((card) => ({
						formattedName: textOf(card.formattedName),
						firstName: card.firstName ? textOf(card.firstName) : undefined,
						lastName: card.lastName ? textOf(card.lastName) : undefined,
						company: card.company ? textOf(card.company) : undefined,
						birthday: card.birthday ? textOf(card.birthday) : undefined,
						phones: card.phone ? [{ phone: textOf(card.phone), type: 'CELL', waId: card.waId ? textOf(card.waId) : undefined }] : [],
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
					buttons: entries(ctx, 'buttons', 'button', itemIndex).map((button) => ({ id: textOf(button.id), title: textOf(button.title) })),
				},
			};
		case 'list':
			return {
				content: {
					type,
					...interactive(),
					button: readText(ctx, 'listButton', itemIndex),
					rows: entries(ctx, 'rows', 'row', itemIndex).map(
						(row): ListRow => ({ section: textOf(row.section), id: textOf(row.id), title: textOf(row.title), description: textOf(row.description) }),
					),
				},
			};
		case 'ctaUrl':
			return { content: { type, ...interactive(), displayText: readText(ctx, 'ctaDisplayText', itemIndex), url: readText(ctx, 'ctaUrl', itemIndex) } };
		case 'reaction':
			return { content: { type, messageId: readText(ctx, 'reactionMessageId', itemIndex), emoji: readText(ctx, 'emoji', itemIndex) } };
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('messageType', itemIndex) as MessageType;
	const options = readSendingOptions(this, itemIndex);
	const { content, file } = await readContent(this, type, itemIndex);
	const built = buildMessage(
		{ to: this.getNodeParameter('to', itemIndex), defaultCountry: options.defaultCountry, replyTo: options.replyTo, bizOpaqueCallbackData: options.bizOpaqueCallbackData },
		content,
	);
	assertNoViolations(this, built.violations, itemIndex, 'WhatsApp message');

	if (built.pendingUpload && file) {
		const mediaId = await uploadMedia.call(this, { data: file.data, mimeType: built.pendingUpload.mimeType, fileName: file.fileName }, itemIndex);
		built.payload = withMediaId(built.payload, built.pendingUpload.kind, mediaId);
	}
	return await sendMessage(this, built, itemIndex);
}
