/**
 * Every limit and enum the package enforces, as data, each with where it comes from. When Meta or
 * 360dialog changes a rule, it changes here. Sources are the keys of the reference
 * (shared/reference/360dialog-api.md); [H]/[M]/[L] is its confidence.
 */

export interface LengthRule {
	min?: number;
	max: number;
	source: string;
}

export const PROFILE_RULES = {
	about: { min: 1, max: 139, source: 'Cloud API business profile [H] S8, M3' },
	address: { max: 256, source: 'Cloud API business profile [H] S8' },
	// The product guide's UI says 256; the Cloud API and 360dialog allow 512. [H] S8, M8
	description: { max: 512, source: 'Cloud API business profile [H] S8 (the product guide shows 256)' },
	email: { max: 128, source: 'Cloud API business profile [H] S8' },
	website: { max: 256, source: 'Cloud API business profile [H] S8' },
	websites: { max: 2, source: 'Cloud API business profile [H] S8' },
} satisfies Record<string, LengthRule>;

/** The Cloud API's vertical values with readable labels. [H] S9 (enum), S8 + M (UNDEFINED, NOT_A_BIZ) */
export const VERTICALS: ReadonlyArray<{ value: string; label: string }> = [
	{ value: 'ALCOHOL', label: 'Alcoholic Beverages' },
	{ value: 'APPAREL', label: 'Clothing and Apparel' },
	{ value: 'AUTO', label: 'Automotive' },
	{ value: 'BEAUTY', label: 'Beauty, Spa and Salon' },
	{ value: 'EDU', label: 'Education' },
	{ value: 'ENTERTAIN', label: 'Entertainment' },
	{ value: 'EVENT_PLAN', label: 'Event Planning and Service' },
	{ value: 'FINANCE', label: 'Finance and Banking' },
	{ value: 'GOVT', label: 'Public Service' },
	{ value: 'GROCERY', label: 'Food and Grocery' },
	{ value: 'HEALTH', label: 'Medical and Health' },
	{ value: 'HOTEL', label: 'Hotel and Lodging' },
	{ value: 'NONPROFIT', label: 'Non-Profit' },
	{ value: 'NOT_A_BIZ', label: 'Not a Business' },
	{ value: 'ONLINE_GAMBLING', label: 'Online Gambling and Gaming' },
	{ value: 'OTC_DRUGS', label: 'Over-the-Counter Drugs' },
	{ value: 'OTHER', label: 'Other' },
	{ value: 'PHYSICAL_GAMBLING', label: 'Non-Online Gambling and Gaming' },
	{ value: 'PROF_SERVICES', label: 'Professional Services' },
	{ value: 'RESTAURANT', label: 'Restaurant' },
	{ value: 'RETAIL', label: 'Shopping and Retail' },
	{ value: 'TRAVEL', label: 'Travel and Transportation' },
	{ value: 'UNDEFINED', label: 'Undefined' },
];

export const PROFILE_FIELDS = [
	'about',
	'address',
	'description',
	'email',
	'profile_picture_url',
	'websites',
	'vertical',
] as const;

/**
 * Characters as a person counts them (code points), not UTF-16 units: an emoji is one character.
 * [L] Meta does not say how it counts; code points are the reading that never rejects text WhatsApp
 * would accept because of surrogate pairs.
 */
export function countCharacters(text: string): number {
	return Array.from(text).length;
}

export interface Violation {
	field: string;
	message: string;
}

/** "About must be at most 139 characters (got 150)" — the field, the problem and the rule. */
export function lengthViolation(label: string, text: string, rule: LengthRule): Violation | undefined {
	const length = countCharacters(text);
	if (rule.min !== undefined && length < rule.min) {
		return { field: label, message: `${label} must be at least ${rule.min} character${rule.min === 1 ? '' : 's'} (got ${length})` };
	}
	if (length > rule.max) return { field: label, message: `${label} must be at most ${rule.max} characters (got ${length})` };
	return undefined;
}

export const PROFILE_PHOTO_RULES = {
	formats: ['image/jpeg', 'image/png'],
	minimumSide: 192,
	recommendedSide: 640,
	source: 'Meta business profile guidance [L] (square, at least 192 px; 640 × 640 recommended by the product guide)',
} as const;
