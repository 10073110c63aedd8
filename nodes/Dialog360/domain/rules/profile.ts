/** The business profile's rules. */
import type { LengthRule } from './index';

/**
 * Business profile fields. https://docs.360dialog.com/docs/waba-management/set-whatsapp-profile-information
 * and Meta's business profiles reference. The description is 512 on the Cloud API (a product guide
 * still shows 256).
 */
export const PROFILE_RULES = {
	about: { min: 1, max: 139 },
	address: { max: 256 },
	description: { max: 512 },
	email: { max: 128 },
	website: { max: 256 },
	websites: { max: 2 },
} satisfies Record<string, LengthRule>;

/** The Cloud API's vertical values with readable labels (360dialog's profile API and Meta's list). */
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

/** Meta's guidance for profile photos (square, at least 192 px); 640 × 640 is the product guide's advice. */
export const PROFILE_PHOTO_RULES = {
	formats: ['image/jpeg', 'image/png'],
	minimumSide: 192,
	recommendedSide: 640,
} as const;
