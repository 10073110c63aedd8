import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { downloadMedia } from '../../transport/media';
import { mediaIdField } from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import { readText } from '../parameters';

const properties: INodeProperties[] = [
	mediaIdField(
		'The ID of a received file (the trigger puts it in the image, video, audio, document or sticker of a message) or of an upload',
	),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		description: 'The binary field the downloaded file is written to',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['media'], operation: ['download'] } },
	properties,
);

/** One download per item, one at a time: each item names its own media. */
export const runShape = 'perItem';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mediaId = readText(this, 'mediaId', itemIndex).trim();
	const property = readText(this, 'binaryPropertyName', itemIndex);
	const media = await downloadMedia.call(this, mediaId, itemIndex);
	const binary = await this.helpers.prepareBinaryData(media.data, media.fileName, media.mimeType);
	return [
		{
			json: {
				mediaId,
				mimeType: media.mimeType,
				fileSize: media.fileSize ?? media.data.length,
				sha256: media.sha256 ?? null,
			},
			binary: { [property]: binary },
		},
	];
}
