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
	description: {
		max: 512,
		source: 'Cloud API business profile [H] S8 (the product guide shows 256)',
	},
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

export const PROFILE_PHOTO_RULES = {
	formats: ['image/jpeg', 'image/png'],
	minimumSide: 192,
	recommendedSide: 640,
	source:
		'Meta business profile guidance [L] (square, at least 192 px; 640 × 640 recommended by the product guide)',
} as const;

/** Message limits (Cloud API). [M] = Meta's docs and several SDKs agree; see the reference §4.1. */
export const MESSAGE_RULES = {
	text: { min: 1, max: 4096, source: 'Cloud API text message [M] §4.1' },
	caption: { max: 1024, source: 'Cloud API media caption [M] §4.1' },
	filename: {
		max: 240,
		source:
			'Cloud API document filename [L] (Meta gives no limit; 240 keeps the name intact on phones)',
	},
	bizOpaqueCallbackData: { max: 512, source: 'Cloud API biz_opaque_callback_data [M] §4' },
	interactiveBody: { min: 1, max: 1024, source: 'Cloud API interactive body [M] §4.1' },
	interactiveHeader: { max: 60, source: 'Cloud API interactive header text [M] §4.1' },
	interactiveFooter: { max: 60, source: 'Cloud API interactive footer [M] §4.1' },
	replyButtonTitle: { min: 1, max: 20, source: 'Cloud API reply button title [M] §4.1' },
	replyButtonId: { min: 1, max: 256, source: 'Cloud API reply button id [M] §4.1' },
	listButton: { min: 1, max: 20, source: 'Cloud API list button [M] §4.1' },
	listSectionTitle: { max: 24, source: 'Cloud API list section title [M] §4.1' },
	listRowTitle: { min: 1, max: 24, source: 'Cloud API list row title [M] §4.1' },
	listRowDescription: { max: 72, source: 'Cloud API list row description [M] §4.1' },
	listRowId: { min: 1, max: 200, source: 'Cloud API list row id [M] §4.1' },
	ctaDisplayText: {
		min: 1,
		max: 20,
		source: 'Cloud API CTA URL button display text [M] (same as reply buttons)',
	},
	url: { min: 1, max: 2000, source: 'Cloud API URL [L] §6.2 (2,000 characters)' },
	locationName: { max: 1000, source: 'Cloud API location name [L]' },
	locationAddress: { max: 1000, source: 'Cloud API location address [L]' },
	contactFormattedName: {
		min: 1,
		max: 1000,
		source: 'Cloud API contacts name.formatted_name is required [M] §4.1',
	},
} satisfies Record<string, LengthRule>;

export const MESSAGE_COUNT_RULES = {
	replyButtons: { min: 1, max: 3, source: 'Cloud API reply buttons: 1 to 3 [H] M9' },
	listSections: { min: 1, max: 10, source: 'Cloud API list: at most 10 sections [M] §4.1' },
	listRows: { min: 1, max: 10, source: 'Cloud API list: at most 10 rows in all [H] M9' },
	contacts: { min: 1, max: 257, source: 'Cloud API contacts message [L]' },
} as const;

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export interface MediaRule {
	/** Accepted MIME types; undefined for any (documents). */
	mimeTypes?: readonly string[];
	maxBytes: number;
	captions: boolean;
	source: string;
}

const MB = 1024 * 1024;

/** What each media kind accepts. [M] Meta's supported media types, reference §4.1 and §5. */
export const MEDIA_RULES: Record<MediaKind, MediaRule> = {
	image: {
		mimeTypes: ['image/jpeg', 'image/png'],
		maxBytes: 5 * MB,
		captions: true,
		source: 'Cloud API images: JPEG or PNG, 5 MB [M] §4.1',
	},
	video: {
		mimeTypes: ['video/mp4', 'video/3gpp'],
		maxBytes: 16 * MB,
		captions: true,
		source: 'Cloud API video: MP4 or 3GPP, 16 MB [M] §4.1',
	},
	audio: {
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: 16 * MB,
		captions: false,
		source: 'Cloud API audio: AAC, AMR, MP3, MP4 or OGG (Opus), 16 MB [M] §4.1',
	},
	document: {
		maxBytes: 100 * MB,
		captions: true,
		source: 'Cloud API documents: any type, 100 MB [M] §4.1, [H] §5',
	},
	// Animated stickers may be 500 KB; a static one over 100 KB is refused by Meta after the upload.
	sticker: {
		mimeTypes: ['image/webp'],
		maxBytes: 500 * 1024,
		captions: false,
		source: 'Cloud API stickers: WebP, 100 KB static, 500 KB animated [M] §4.1',
	},
};

export const MEDIA_KINDS = Object.keys(MEDIA_RULES) as MediaKind[];

/** Meta refuses media larger than this in any message. [H] §5 */
export const MAX_MEDIA_BYTES = 100 * MB;

/**
 * Template submission rules (POST /v1/configs/templates). The API's current rules, reference §6.2;
 * the product guide's UI shows older, stricter ones (3 quick replies of 20 characters, 1 URL).
 */
export const TEMPLATE_RULES = {
	name: {
		min: 1,
		max: 512,
		source: 'template name: lowercase a–z, 0–9 and _, at most 512 [H] S10',
	},
	headerText: {
		min: 1,
		max: 60,
		source: 'template header text: at most 60 characters, at most 1 variable [H] S11',
	},
	body: { min: 1, max: 1024, source: 'template body: required, at most 1024 characters [H] S10' },
	footer: {
		min: 1,
		max: 60,
		source: 'template footer: at most 60 characters, no variables [M] §6.2',
	},
	buttonText: { min: 1, max: 25, source: 'template button text: at most 25 characters [L] §6.2' },
	buttonUrl: {
		min: 1,
		max: 2000,
		source: 'template URL button: at most 2000 characters, one variable at the end [L] §6.2',
	},
	buttonPhone: { min: 1, max: 20, source: 'template phone button: at most 20 characters [L] §6.2' },
	couponExample: {
		min: 1,
		max: 15,
		source: 'template copy-code example: at most 15 characters [L] Meta copy-code button',
	},
	sample: {
		min: 1,
		max: 1024,
		source: 'template samples: one non-empty example per variable [H] S11',
	},
} satisfies Record<string, LengthRule>;

export const TEMPLATE_NAME_PATTERN = /^[a-z0-9_]+$/;

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** Template statuses: Meta's (upper case); 360dialog's list answers some of them in lower case. [M] §6.4 */
export const TEMPLATE_STATUSES = [
	'APPROVED',
	'PENDING',
	'REJECTED',
	'PAUSED',
	'DISABLED',
	'SUBMITTED',
	'IN_APPEAL',
	'PENDING_DELETION',
	'DELETED',
	'LIMIT_EXCEEDED',
	'FLAGGED',
	'REINSTATED',
	'ARCHIVED',
] as const;

export const TEMPLATE_HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'] as const;

export type TemplateButtonType = 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE';

/** How many buttons of each type a template may have. [M] gupshup/bird docs via §6.2 */
export const TEMPLATE_BUTTON_RULES = {
	total: { max: 10, source: 'template buttons: at most 10 in all [M] §6.2' },
	perType: {
		QUICK_REPLY: { max: 10, source: 'template quick replies: at most 10 [M] §6.2' },
		URL: { max: 2, source: 'template URL buttons: at most 2 [M] §6.2' },
		PHONE_NUMBER: { max: 1, source: 'template phone-number buttons: at most 1 [M] §6.2' },
		COPY_CODE: { max: 1, source: 'template copy-code buttons: at most 1, marketing only [M] §6.2' },
	} satisfies Record<TemplateButtonType, { max: number; source: string }>,
	copyCodeCategories: ['MARKETING'] as readonly string[],
	grouping:
		'template buttons: quick replies kept together, not between URL or phone buttons [M] §6.2',
	locationHeaderCategories: ['MARKETING', 'UTILITY'] as readonly string[],
	locationHeaderSource: 'template LOCATION header: utility and marketing only [H] S11',
};

/** Authentication templates have a fixed form: Meta writes the body; the code expires in 1–90 minutes. [M] S25 */
export const AUTHENTICATION_RULES = {
	codeExpirationMinutes: {
		min: 1,
		max: 90,
		source:
			'authentication template code expiry: 1 to 90 minutes [L] Meta authentication templates',
	},
	otpTypes: ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const,
};

export const TEMPLATE_VARIABLE_RULES = {
	positional: 'template variables: {{1}}, {{2}}… numbered from 1 without gaps [H] S11',
	named:
		'template named variables: lowercase letters, digits and _ [M] §6.2 (parameter_format NAMED)',
	placement: 'template body: no variable at the very start or end, no two side by side [M] §6.2',
	// Our reading: a placeholder is a number or a name; "{{}}" would reach Meta as literal text or a rejection. [L]
	empty: 'template variables: a number or a name between {{ and }} [L] §6.2',
	namedPattern: /^[a-z][a-z0-9_]*$/,
};

/**
 * The languages WhatsApp templates support, Meta's list (updated May 2026) [H] Meta "Supported
 * Languages". A code missing here can still be given with an expression; it is only checked for form.
 */
export const TEMPLATE_LANGUAGES: ReadonlyArray<{ code: string; label: string }> = [
	['af', 'Afrikaans'],
	['sq', 'Albanian'],
	['ar', 'Arabic'],
	['ar_EG', 'Arabic (EGY)'],
	['ar_AE', 'Arabic (UAE)'],
	['ar_LB', 'Arabic (LBN)'],
	['ar_MA', 'Arabic (MAR)'],
	['ar_QA', 'Arabic (QAT)'],
	['az', 'Azerbaijani'],
	['be_BY', 'Belarusian'],
	['bn', 'Bengali'],
	['bn_IN', 'Bengali (IND)'],
	['bg', 'Bulgarian'],
	['ca', 'Catalan'],
	['zh_CN', 'Chinese (CHN)'],
	['zh_HK', 'Chinese (HKG)'],
	['zh_TW', 'Chinese (TAI)'],
	['hr', 'Croatian'],
	['cs', 'Czech'],
	['da', 'Danish'],
	['prs_AF', 'Dari'],
	['nl', 'Dutch'],
	['nl_BE', 'Dutch (BEL)'],
	['en', 'English'],
	['en_GB', 'English (UK)'],
	['en_US', 'English (US)'],
	['en_AE', 'English (UAE)'],
	['en_AU', 'English (AUS)'],
	['en_CA', 'English (CAN)'],
	['en_GH', 'English (GHA)'],
	['en_IE', 'English (IRL)'],
	['en_IN', 'English (IND)'],
	['en_JM', 'English (JAM)'],
	['en_MY', 'English (MYS)'],
	['en_NZ', 'English (NZL)'],
	['en_QA', 'English (QAT)'],
	['en_SG', 'English (SGP)'],
	['en_UG', 'English (UGA)'],
	['en_ZA', 'English (ZAF)'],
	['et', 'Estonian'],
	['fil', 'Filipino'],
	['fi', 'Finnish'],
	['fr', 'French'],
	['fr_BE', 'French (BEL)'],
	['fr_CA', 'French (CAN)'],
	['fr_CH', 'French (CHE)'],
	['fr_CI', 'French (CIV)'],
	['fr_MA', 'French (MAR)'],
	['ka', 'Georgian'],
	['de', 'German'],
	['de_AT', 'German (AUT)'],
	['de_CH', 'German (CHE)'],
	['el', 'Greek'],
	['gu', 'Gujarati'],
	['ha', 'Hausa'],
	['he', 'Hebrew'],
	['hi', 'Hindi'],
	['hu', 'Hungarian'],
	['id', 'Indonesian'],
	['ga', 'Irish'],
	['it', 'Italian'],
	['ja', 'Japanese'],
	['kn', 'Kannada'],
	['kk', 'Kazakh'],
	['rw_RW', 'Kinyarwanda'],
	['ko', 'Korean'],
	['ky_KG', 'Kyrgyz (Kyrgyzstan)'],
	['lo', 'Lao'],
	['lv', 'Latvian'],
	['lt', 'Lithuanian'],
	['mk', 'Macedonian'],
	['ms', 'Malay'],
	['ml', 'Malayalam'],
	['mr', 'Marathi'],
	['nb', 'Norwegian'],
	['fa', 'Persian'],
	['pl', 'Polish'],
	['pt_BR', 'Portuguese (BR)'],
	['pt_PT', 'Portuguese (POR)'],
	['pa', 'Punjabi'],
	['ro', 'Romanian'],
	['ru', 'Russian'],
	['sr', 'Serbian'],
	['sk', 'Slovak'],
	['sl', 'Slovenian'],
	['es', 'Spanish'],
	['es_AR', 'Spanish (ARG)'],
	['es_ES', 'Spanish (SPA)'],
	['es_MX', 'Spanish (MEX)'],
	['sw', 'Swahili'],
	['sv', 'Swedish'],
	['ta', 'Tamil'],
	['te', 'Telugu'],
	['th', 'Thai'],
	['tr', 'Turkish'],
	['uk', 'Ukrainian'],
	['ur', 'Urdu'],
	['uz', 'Uzbek'],
	['vi', 'Vietnamese'],
	['zu', 'Zulu'],
].map(([code, label]) => ({ code, label }));

export const TEMPLATE_LANGUAGE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2})?$/;
