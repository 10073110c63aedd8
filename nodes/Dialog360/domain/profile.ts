import { PROFILE_FIELDS, VERTICALS } from './rules';

export interface BusinessProfile {
	about: string | null;
	address: string | null;
	description: string | null;
	email: string | null;
	vertical: string | null;
	verticalLabel: string | null;
	websites: string[];
	profilePictureUrl: string | null;
}

export const PROFILE_FIELDS_QUERY = PROFILE_FIELDS.join(',');

export function verticalLabel(value: unknown): string | null {
	if (typeof value !== 'string' || value === '') return null;
	return VERTICALS.find((vertical) => vertical.value === value)?.label ?? value;
}

function stringOrNull(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

/** `GET /whatsapp_business_profile` answers `{ data: [profile] }`; older servers answer the profile itself. */
export function profileFromResponse(response: unknown): Record<string, unknown> {
	if (response && typeof response === 'object') {
		const data = (response as { data?: unknown }).data;
		if (Array.isArray(data)) return (data[0] ?? {}) as Record<string, unknown>;
		return response as Record<string, unknown>;
	}
	return {};
}

export function simplifyProfile(raw: Record<string, unknown>): BusinessProfile {
	return {
		about: stringOrNull(raw.about),
		address: stringOrNull(raw.address),
		description: stringOrNull(raw.description),
		email: stringOrNull(raw.email),
		vertical: stringOrNull(raw.vertical),
		verticalLabel: verticalLabel(raw.vertical),
		websites: Array.isArray(raw.websites) ? raw.websites.filter((site): site is string => typeof site === 'string') : [],
		profilePictureUrl: stringOrNull(raw.profile_picture_url),
	};
}
