/** The emulator's routes. Media: upload, the download URL and its bytes, delete; and the resumable upload sessions (profile pictures). */
import { metaError, type Route } from '../core';

/** POST /media, GET /whatsapp_business/attachments/, POST /uploads and upload:… sessions, GET and DELETE /{media id}. */
export const mediaRoute: Route = (emulator, { method, path, url, body, contentType, record }) => {
	if (method === 'POST' && path === '/media') {
		const parts = body as Record<string, { filename?: string; contentType?: string; data: Buffer }>;
		const file = parts?.file;
		if (!contentType.includes('multipart/form-data') || !file)
			return metaError(400, 100, 'Invalid parameter', 'multipart field "file" is required');
		if (parts.messaging_product?.data.toString() !== 'whatsapp')
			return metaError(400, 100, 'Invalid parameter', 'messaging_product must be "whatsapp"');
		const id = String(Date.now()) + String(emulator.counter++).padStart(6, '0');
		emulator.media.set(id, {
			id,
			mimeType: parts.type?.data.toString() || file.contentType || 'application/octet-stream',
			data: file.data,
			filename: file.filename,
		});
		record.body = {
			file: { filename: file.filename, contentType: file.contentType, bytes: file.data.length },
			type: parts.type?.data.toString(),
		};
		return { status: 200, body: { id } };
	}

	if (method === 'GET' && path === '/whatsapp_business/attachments/') {
		const item = emulator.media.get(url.searchParams.get('mid') ?? '');
		if (!item) return { status: 404, body: { error: 'media not found' } };
		return { status: 200, body: item.data, headers: { 'content-type': item.mimeType } };
	}

	if (method === 'POST' && path === '/uploads') {
		const fileLength = Number(url.searchParams.get('file_length'));
		const fileType = url.searchParams.get('file_type') ?? '';
		if (!Number.isFinite(fileLength) || fileLength <= 0 || !fileType)
			return metaError(400, 100, 'Invalid parameter', 'file_length and file_type are required');
		const id = `upload:${emulator.nextId('U')}`;
		emulator.uploads.set(id, { fileLength, fileType, received: 0 });
		return { status: 200, body: { id } };
	}
	const upload = /^\/(upload:[^/]+)$/.exec(path);
	if (upload) {
		const session = emulator.uploads.get(decodeURIComponent(upload[1]));
		if (!session) return metaError(404, 100, 'Invalid parameter', 'unknown upload session');
		if (method === 'GET')
			return { status: 200, body: { id: upload[1], file_offset: session.received } };
		if (method === 'POST') {
			const bytes = Buffer.isBuffer(body) ? body.length : 0;
			session.received += bytes;
			if (session.received !== session.fileLength)
				return metaError(
					400,
					100,
					'Invalid parameter',
					`expected ${session.fileLength} bytes, got ${session.received}`,
				);
			session.handle = `4:${Buffer.from(upload[1]).toString('base64')}`;
			return { status: 200, body: { h: session.handle } };
		}
	}

	const mediaItem = /^\/(\d+)$/.exec(path);
	if (mediaItem) {
		const item = emulator.media.get(mediaItem[1]);
		if (!item) return metaError(404, 100, 'Invalid parameter', `media ${mediaItem[1]} not found`);
		if (method === 'GET') {
			const ext = (item.mimeType.split('/')[1] ?? 'bin').split(';')[0];
			return {
				status: 200,
				body: {
					messaging_product: 'whatsapp',
					id: item.id,
					mime_type: item.mimeType,
					file_size: item.data.length,
					sha256: 'emulated',
					url: `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${item.id}&ext=${ext}&hash=emulated`,
				},
			};
		}
		if (method === 'DELETE') {
			emulator.media.delete(item.id);
			return { status: 200, body: { success: true } };
		}
	}
	return undefined;
};
