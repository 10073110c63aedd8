import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport/request';

const show = { resource: ['media'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID of an uploaded file to delete; messages already sent with it are not affected',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const mediaId = String(this.getNodeParameter('mediaId', itemIndex) ?? '').trim();
	const response = await apiRequest.call(this, { method: 'DELETE', endpoint: 'mediaItem', pathParams: { mediaId }, idempotent: true, itemIndex });
	return { success: response.success === true, mediaId };
}
