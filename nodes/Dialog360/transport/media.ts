import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { rewriteMediaUrl } from '../domain/environments';
import { resolveCredentials } from './credentials';
import { apiRequest, type RequestContext } from './request';

export interface MediaFile {
	data: Buffer;
	mimeType: string;
	fileName?: string;
}

/** A multipart/form-data body built by hand: the bytes go out exactly once, with a known length. */
export function multipartBody(
	fields: Record<string, string>,
	file: MediaFile & { field: string },
): { body: Buffer; contentType: string } {
	let boundary = `----n8n360dialog${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	while (file.data.includes(boundary)) boundary += Math.random().toString(16).slice(2, 6);
	const quote = (value: string) => value.replace(/["\r\n]/g, '_');
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
			),
		);
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.fileName ?? 'file')}"\r\n` +
				`Content-Type: ${file.mimeType}\r\n\r\n`,
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * POST /media: a file in, a media id out (valid about 30 days)
 * (https://docs.360dialog.com/docs/waba-messaging/media/upload-retrieve-or-delete-media).
 */
export async function uploadMedia(
	this: RequestContext,
	file: MediaFile,
	itemIndex?: number,
): Promise<string> {
	const { body, contentType } = multipartBody(
		{ messaging_product: 'whatsapp', type: file.mimeType },
		{ ...file, field: 'file' },
	);
	const answer = await apiRequest.call(this, {
		method: 'POST',
		endpoint: 'media',
		body,
		headers: { 'content-type': contentType },
		idempotent: false, // a repeat after a server error could upload the file twice
		itemIndex,
	});
	if (typeof answer.id !== 'string' || answer.id === '') {
		throw new NodeApiError(this.getNode(), answer as JsonObject, {
			message: '360dialog did not return a media id (no "id" in its answer)',
			itemIndex,
		});
	}
	return answer.id;
}

export interface DownloadedMedia extends MediaFile {
	mediaId: string;
	fileSize?: number;
	sha256?: string;
}

/**
 * GET /{id} for the short-lived URL, then the bytes through 360dialog's host (the URL rewrite of the
 * media page above).
 */
export async function downloadMedia(
	this: RequestContext,
	mediaId: string,
	itemIndex?: number,
): Promise<DownloadedMedia> {
	const meta = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'mediaItem',
		pathParams: { mediaId },
		idempotent: true,
		itemIndex,
	});
	if (typeof meta.url !== 'string') {
		throw new NodeApiError(this.getNode(), meta as JsonObject, {
			message: '360dialog did not return a download URL for this media (no "url")',
			itemIndex,
		});
	}
	const { baseUrl } = await resolveCredentials.call(this);
	const data = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'mediaItem',
		url: rewriteMediaUrl(meta.url, baseUrl),
		binary: true,
		idempotent: true,
		itemIndex,
	});
	const mimeType = typeof meta.mime_type === 'string' ? meta.mime_type : 'application/octet-stream';
	const extension = mimeType.split('/')[1]?.split(';')[0] ?? 'bin';
	return {
		mediaId,
		fileName: `${mediaId}.${extension}`,
		data: Buffer.from(data as unknown as ArrayBuffer),
		mimeType,
		fileSize: typeof meta.file_size === 'number' ? meta.file_size : undefined,
		sha256: typeof meta.sha256 === 'string' ? meta.sha256 : undefined,
	};
}
