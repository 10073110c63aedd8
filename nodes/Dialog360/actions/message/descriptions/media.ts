/** The fields of an image, video, audio, document or sticker message: where the file comes from, caption, file name. */
import type { INodeProperties } from 'n8n-workflow';

import { MESSAGE_RULES } from '../../../domain/rules/messages';
import { forTypes, MEDIA_TYPES } from './messageTypes';

export const mediaFields: INodeProperties[] = [
	{
		displayName: 'Media Source',
		name: 'mediaSource',
		type: 'options',
		default: 'link',
		displayOptions: forTypes(MEDIA_TYPES),
		options: [
			{
				name: 'Link',
				value: 'link',
				description: 'A public URL that Meta downloads the file from',
			},
			{
				name: 'Media ID',
				value: 'id',
				description: 'An ID returned by Media › Upload (kept 30 days)',
			},
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A file in this item, uploaded to 360dialog first',
			},
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
		displayOptions: { show: { messageType: MEDIA_TYPES, mediaSource: ['link'] } },
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID of a file uploaded with Media › Upload',
		displayOptions: { show: { messageType: MEDIA_TYPES, mediaSource: ['id'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to send',
		description:
			'Its type and size are checked against the rules for the message type before the upload',
		displayOptions: { show: { messageType: MEDIA_TYPES, mediaSource: ['binary'] } },
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: `Text under the file, at most ${MESSAGE_RULES.caption.max} characters`,
		displayOptions: forTypes(['image', 'video', 'document']),
	},
	{
		displayName: 'File Name',
		name: 'filename',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice.pdf',
		description: 'The name the recipient sees for the document',
		displayOptions: forTypes(['document']),
	},
];
