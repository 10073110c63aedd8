import type { INodeProperties } from 'n8n-workflow';

import * as deleteMedia from './delete.operation';
import * as download from './download.operation';
import * as upload from './upload.operation';

export { deleteMedia, download, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an uploaded file',
				action: 'Delete a media file',
			},
			{
				name: 'Download',
				value: 'download',
				description: 'Download a received or uploaded file into the item',
				action: 'Download a media file',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file and get a media ID to send it with',
				action: 'Upload a media file',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...download.description,
	...deleteMedia.description,
];
