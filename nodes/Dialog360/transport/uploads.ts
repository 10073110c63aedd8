import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiRequest, type RequestContext } from './request';

/**
 * Meta's resumable upload through 360dialog (profile photos, template media samples): open a session,
 * send the bytes from offset 0, get a handle ("h") to use in the next request
 * (https://docs.360dialog.com/docs/messaging-api/api-reference/media-uploads).
 */
export async function resumableUpload(
	this: RequestContext,
	file: { data: Buffer; mimeType: string; fileName?: string },
	itemIndex?: number,
): Promise<string> {
	const session = await apiRequest.call(this, {
		method: 'POST',
		endpoint: 'uploads',
		qs: {
			file_length: file.data.length,
			file_type: file.mimeType,
			...(file.fileName ? { file_name: file.fileName } : {}),
		},
		idempotent: true, // an unused session costs nothing
		itemIndex,
	});
	const uploadId = typeof session.id === 'string' ? session.id : '';
	if (!uploadId) {
		throw new NodeApiError(this.getNode(), session as JsonObject, {
			message: '360dialog did not open an upload session (no "id" in its answer)',
			itemIndex,
		});
	}
	const uploaded = await apiRequest.call(this, {
		method: 'POST',
		endpoint: 'uploadSession',
		pathParams: { uploadId },
		headers: { file_offset: '0', 'content-type': file.mimeType },
		body: file.data,
		idempotent: true, // the same bytes at offset 0 of the same session
		itemIndex,
	});
	if (typeof uploaded.h !== 'string' || uploaded.h === '') {
		throw new NodeApiError(this.getNode(), uploaded as JsonObject, {
			message: '360dialog did not return an upload handle (no "h" in its answer)',
			itemIndex,
		});
	}
	return uploaded.h;
}
