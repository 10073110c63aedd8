/**
 * Every limit and enum the package enforces, as data. When Meta or 360dialog changes a rule, it
 * changes here. What users read says the rule in words; where each rule comes from is in the
 * comments: 360dialog's and Meta's pages (summarised with their confidence in the project's API
 * reference), or our reading where no page says it.
 */

export interface LengthRule {
	min?: number;
	max: number;
}

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

/**
 * Message limits of the Cloud API (Meta's message reference; several SDKs agree). Our choices where
 * Meta gives none: a document's file name 240 (keeps it intact on phones), location name and address
 * 1,000, a URL 2,000.
 */
export const MESSAGE_RULES = {
	text: { min: 1, max: 4096 },
	caption: { max: 1024 },
	filename: { max: 240 },
	bizOpaqueCallbackData: { max: 512 },
	interactiveBody: { min: 1, max: 1024 },
	interactiveHeader: { max: 60 },
	interactiveFooter: { max: 60 },
	replyButtonTitle: { min: 1, max: 20 },
	replyButtonId: { min: 1, max: 256 },
	listButton: { min: 1, max: 20 },
	listSectionTitle: { max: 24 },
	listRowTitle: { min: 1, max: 24 },
	listRowDescription: { max: 72 },
	listRowId: { min: 1, max: 200 },
	ctaDisplayText: { min: 1, max: 20 },
	url: { min: 1, max: 2000 },
	locationName: { max: 1000 },
	locationAddress: { max: 1000 },
	contactFormattedName: { min: 1, max: 1000 },
} satisfies Record<string, LengthRule>;

/** How many of a thing one message holds (Meta's interactive messages guide; 257 contacts is our reading). */
export const MESSAGE_COUNT_RULES = {
	replyButtons: { min: 1, max: 3 },
	listSections: { min: 1, max: 10 },
	listRows: { min: 1, max: 10 },
	contacts: { min: 1, max: 257 },
} as const;

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export interface MediaRule {
	/** Accepted MIME types; undefined for any (documents). */
	mimeTypes?: readonly string[];
	/** The accepted types as people name them. */
	formats: string;
	/** What else the kind's limit depends on. */
	note?: string;
	maxBytes: number;
	captions: boolean;
}

const MB = 1024 * 1024;

/**
 * What each media kind accepts: Meta's supported media types, and 360dialog's media page
 * (https://docs.360dialog.com/docs/waba-messaging/media/upload-retrieve-or-delete-media). Animated
 * stickers may be 500 KB; Meta refuses a static one over 100 KB after the upload.
 */
export const MEDIA_RULES: Record<MediaKind, MediaRule> = {
	image: {
		mimeTypes: ['image/jpeg', 'image/png'],
		formats: 'JPEG or PNG',
		maxBytes: 5 * MB,
		captions: true,
	},
	video: {
		mimeTypes: ['video/mp4', 'video/3gpp'],
		formats: 'MP4 or 3GPP',
		maxBytes: 16 * MB,
		captions: true,
	},
	audio: {
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		formats: 'AAC, AMR, MP3, MP4 or OGG (Opus)',
		maxBytes: 16 * MB,
		captions: false,
	},
	document: { formats: 'any file type', maxBytes: 100 * MB, captions: true },
	sticker: {
		mimeTypes: ['image/webp'],
		formats: 'WebP',
		note: 'a static sticker at most 100 KB',
		maxBytes: 500 * 1024,
		captions: false,
	},
};

export const MEDIA_KINDS = Object.keys(MEDIA_RULES) as MediaKind[];

/** Meta refuses media larger than this in any message (360dialog's media page). */
export const MAX_MEDIA_BYTES = 100 * MB;

/**
 * Template submission (POST /v1/configs/templates): the API's current rules. 360dialog's "Create and
 * manage template messages" and "Template elements" pages and Meta's template components reference.
 * Our reading where they are silent: button text 25, URL 2,000, phone 20, copy-code example 15.
 * A product guide's UI still shows older, stricter ones (3 quick replies of 20 characters, 1 URL).
 */
export const TEMPLATE_RULES = {
	name: { min: 1, max: 512 },
	headerText: { min: 1, max: 60 },
	body: { min: 1, max: 1024 },
	footer: { min: 1, max: 60 },
	buttonText: { min: 1, max: 25 },
	buttonUrl: { min: 1, max: 2000 },
	buttonPhone: { min: 1, max: 20 },
	couponExample: { min: 1, max: 15 },
	sample: { min: 1, max: 1024 },
} satisfies Record<string, LengthRule>;

export const TEMPLATE_NAME_PATTERN = /^[a-z0-9_]+$/;

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** Template statuses: Meta's (upper case); 360dialog's list answers some of them in lower case. */
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

export type TemplateButtonType =
	'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | 'REQUEST_CONTACT_INFO';

/**
 * Template buttons (current Meta rules; several BSP pages agree): 10 in all, quick replies kept
 * together. A copy-code button only in marketing templates. A request-contact-info button asks a
 * contact who uses a username for their phone number: utility and marketing templates, WhatsApp
 * sets its label (Meta "Business-scoped user IDs", 360dialog "Usernames & BSUID").
 */
export const TEMPLATE_BUTTON_RULES = {
	total: { max: 10 },
	perType: {
		QUICK_REPLY: { max: 10, label: 'quick-reply' },
		URL: { max: 2, label: 'URL' },
		PHONE_NUMBER: { max: 1, label: 'phone-number' },
		COPY_CODE: { max: 1, label: 'copy-code' },
		REQUEST_CONTACT_INFO: { max: 1, label: 'request-contact-info' },
	} satisfies Record<TemplateButtonType, { max: number; label: string }>,
	/** Buttons whose label WhatsApp sets: a text given for them is refused. */
	fixedLabel: ['COPY_CODE', 'REQUEST_CONTACT_INFO'] as readonly TemplateButtonType[],
	categories: {
		COPY_CODE: ['MARKETING'],
		REQUEST_CONTACT_INFO: ['MARKETING', 'UTILITY'],
	} as Partial<Record<TemplateButtonType, readonly string[]>>,
	/** A location header is for utility and marketing templates only (360dialog "Template elements"). */
	locationHeaderCategories: ['MARKETING', 'UTILITY'] as readonly string[],
};

/** Authentication templates have a fixed form: Meta writes the body; our reading of the expiry range is 1–90 minutes. */
export const AUTHENTICATION_RULES = {
	codeExpirationMinutes: { min: 1, max: 90 },
	otpTypes: ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const,
};

/**
 * Template variables: {{1}}, {{2}}… numbered from 1, or named with parameter_format NAMED (Meta's
 * template components reference; 360dialog "Template elements"). No variable at the very start or
 * end of the body, none side by side (Meta rejects them). "{{}}" is not a variable to Meta: our
 * reading is that it reaches Meta as text or a rejection, so it is refused.
 */
export const TEMPLATE_VARIABLE_RULES = {
	namedPattern: /^[a-z][a-z0-9_]*$/,
};

/**
 * The languages WhatsApp templates support: Meta's list, updated May 2026
 * (https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/supported-languages).
 * A code missing here can still be given with an expression; it is only checked for form.
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
