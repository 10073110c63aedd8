import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport/request';
import { mediaIdField, readText } from '../common.descriptions';

export const description: INodeProperties[] = [
	mediaIdField('delete', 'The ID of an uploaded file to delete; messages already sent with it are not affected'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const mediaId = readText(this, 'mediaId', itemIndex).trim();
	const response = await apiRequest.call(this, { method: 'DELETE', endpoint: 'mediaItem', pathParams: { mediaId }, idempotent: true, itemIndex });
	return { success: response.success === true, mediaId };
}
