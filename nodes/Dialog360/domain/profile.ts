import type { ImageInfo } from './image';
import { PROFILE_PHOTO_RULES, PROFILE_FIELDS, PROFILE_RULES, VERTICALS } from './rules/profile';
import { lengthViolation, type Violation } from './checks';

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
		websites: Array.isArray(raw.websites)
			? raw.websites.filter((site): site is string => typeof site === 'string')
			: [],
		profilePictureUrl: stringOrNull(raw.profile_picture_url),
	};
}

export interface ProfileUpdateInput {
	about?: string;
	address?: string;
	description?: string;
	email?: string;
	vertical?: string;
	websites?: string[];
}

/** A plain address check: something@something.tld, no spaces. The API makes the final call. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEB_URL = /^https?:\/\/\S+$/i;

/**
 * Checks every field the user added and returns all violations together, with the payload of the
 * fields that were given (a partial update: fields not given are not sent).
 */
export function validateProfileUpdate(input: ProfileUpdateInput): {
	payload: Record<string, unknown>;
	violations: Violation[];
} {
	const violations: Violation[] = [];
	const payload: Record<string, unknown> = {};
	const check = (violation: Violation | undefined) => violation && violations.push(violation);

	if (input.about !== undefined) {
		check(lengthViolation('About', input.about, PROFILE_RULES.about));
		payload.about = input.about;
	}
	if (input.address !== undefined) {
		check(lengthViolation('Address', input.address, PROFILE_RULES.address));
		payload.address = input.address;
	}
	if (input.description !== undefined) {
		check(lengthViolation('Description', input.description, PROFILE_RULES.description));
		payload.description = input.description;
	}
	if (input.email !== undefined) {
		check(lengthViolation('Email', input.email, PROFILE_RULES.email));
		if (input.email !== '' && !EMAIL.test(input.email)) {
			violations.push({
				field: 'Email',
				message: `Email must be a valid address like name@example.com (got "${input.email}")`,
			});
		}
		payload.email = input.email;
	}
	if (input.vertical !== undefined) {
		if (!VERTICALS.some((vertical) => vertical.value === input.vertical)) {
			violations.push({
				field: 'Vertical',
				message: `Vertical must be one of the API's values (got "${input.vertical}"); it cannot be empty once set`,
			});
		}
		payload.vertical = input.vertical;
	}
	if (input.websites !== undefined) {
		const websites = input.websites.map((site) => site.trim()).filter((site) => site !== '');
		if (websites.length > PROFILE_RULES.websites.max) {
			violations.push({
				field: 'Websites',
				message: `Websites must be at most ${PROFILE_RULES.websites.max} (got ${websites.length})`,
			});
		}
		websites.forEach((site, index) => {
			const label = `Website ${index + 1}`;
			check(lengthViolation(label, site, PROFILE_RULES.website));
			if (!WEB_URL.test(site))
				violations.push({
					field: label,
					message: `${label} must start with http:// or https:// (got "${site}")`,
				});
		});
		payload.websites = websites;
	}
	return { payload, violations };
}

/** Rejects what is not a JPEG or PNG; warns when WhatsApp would show the picture badly. */
export function checkProfilePhoto(image: ImageInfo | undefined): {
	violation?: Violation;
	warnings: string[];
} {
	const { formats, minimumSide, recommendedSide } = PROFILE_PHOTO_RULES;
	if (!image || !(formats as readonly string[]).includes(image.mimeType)) {
		return {
			violation: {
				field: 'Profile Photo',
				message: 'Profile Photo must be a JPEG or PNG image (the file is neither)',
			},
			warnings: [],
		};
	}
	const warnings: string[] = [];
	const { width, height } = image;
	const recommended = `${recommendedSide} × ${recommendedSide} is recommended.`;
	if (width !== height)
		warnings.push(
			`The profile photo is not square (${width} × ${height}); WhatsApp crops it to a circle. ${recommended}`,
		);
	if (Math.min(width, height) < minimumSide) {
		warnings.push(
			`The profile photo is smaller than ${minimumSide} px (${width} × ${height}); ${recommended}`,
		);
	}
	return { warnings };
}
