/** The emulator's routes. The business profile: read (with fields) and update (with a picture handle from an upload session). */
import { metaError, type Route } from '../core';

/** GET and POST /whatsapp_business_profile. */
export const profileRoute: Route = (emulator, { method, path, url, json }) => {
	if (path === '/whatsapp_business_profile') {
		if (method === 'GET') {
			const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean);
			const profile: Record<string, unknown> = { messaging_product: 'whatsapp' };
			for (const [field, value] of Object.entries(emulator.profile))
				if (!fields.length || fields.includes(field)) profile[field] = value;
			return { status: 200, body: { data: [profile] } };
		}
		if (method === 'POST') {
			if (json.messaging_product !== 'whatsapp')
				return metaError(400, 100, 'Invalid parameter', 'messaging_product must be "whatsapp"');
			const { profile_picture_handle: handle, ...fields } = json;
			delete fields.messaging_product;
			Object.assign(emulator.profile, fields);
			if (handle) {
				const known = [...emulator.uploads.values()].some((upload) => upload.handle === handle);
				if (!known)
					return metaError(400, 100, 'Invalid parameter', 'unknown profile_picture_handle');
				emulator.profile.profile_picture_url = `https://pps.whatsapp.net/${encodeURIComponent(String(handle))}.jpg`;
			}
			return { status: 200, body: { success: true } };
		}
	}
	return undefined;
};
