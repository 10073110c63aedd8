import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport/request';
import { mediaIdField } from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import { readText } from '../parameters';

const properties: INodeProperties[] = [
	mediaIdField(
		'The ID of an uploaded file to delete; messages already sent with it are not affected',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['media'], operation: ['delete'] } },
	properties,
);

/** One deletion per item, one at a time: each item names its own media. */
export const runShape = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const mediaId = readText(this, 'mediaId', itemIndex).trim();
	const response = await apiRequest.call(this, {
		method: 'DELETE',
		endpoint: 'mediaItem',
		pathParams: { mediaId },
		idempotent: true,
		itemIndex,
	});
	return { success: response.success === true, mediaId };
}
