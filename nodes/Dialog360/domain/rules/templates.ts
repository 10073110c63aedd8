/** Template submission, statuses and languages. */
import type { LengthRule } from './index';

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
	'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | 'REQUEST_CONTACT_INFO' | 'FLOW';

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
		FLOW: { max: 1, label: 'flow' },
	} satisfies Record<TemplateButtonType, { max: number; label: string }>,
	/** Buttons whose label WhatsApp sets: a text given for them is refused. */
	fixedLabel: ['COPY_CODE', 'REQUEST_CONTACT_INFO'] as readonly TemplateButtonType[],
	categories: {
		COPY_CODE: ['MARKETING'],
		REQUEST_CONTACT_INFO: ['MARKETING', 'UTILITY'],
	} as Partial<Record<TemplateButtonType, readonly string[]>>,
	/**
	 * A flow button opens a WhatsApp Flow: by its ID (digits) or its name, with flow_action navigate
	 * (default; navigate_screen then names the first screen) or data_exchange. Meta "Flows Templates"
	 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/guides/flows-templates/)
	 * and the template components reference ("Flows buttons"). One flow button per template is our
	 * reading [M]: Meta's examples and BSP pages (Bird "Flow templates", Exotel) show one; its text
	 * follows the button text rule (25). It sits with other buttons as any non-quick-reply button does.
	 */
	flowActions: ['navigate', 'data_exchange'] as const,
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

/**
 * Meta's template library: pre-written utility and authentication templates, approved at once. Its
 * fixed content (header, body, button labels) cannot be changed; only the inputs the library
 * template asks for are given: a URL button's link (with an example when it ends in a variable), a
 * phone-number button's number, an OTP button's type (and the app for one-tap and zero-tap).
 * Meta "Template Library"
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-library);
 * the filters are the enums listed there. 360dialog takes the same fields on POST /v1/configs/templates
 * (https://docs.360dialog.com/partner/messaging/template-messages/create-and-manage-template-messages).
 */
export const TEMPLATE_LIBRARY_RULES = {
	categories: ['UTILITY', 'AUTHENTICATION'] as readonly string[],
	/** The library template's buttons that take an input, and the field each input has. */
	inputButtonTypes: ['URL', 'PHONE_NUMBER', 'OTP'] as const,
	libraryName: { min: 1, max: 512 },
	topics: ['ACCOUNT_UPDATE', 'CUSTOMER_FEEDBACK', 'ORDER_MANAGEMENT', 'PAYMENTS'] as const,
	industries: ['E_COMMERCE', 'FINANCIAL_SERVICES'] as const,
	useCases: [
		'ACCOUNT_CREATION_CONFIRMATION',
		'AUTO_PAY_REMINDER',
		'DELIVERY_CONFIRMATION',
		'DELIVERY_FAILED',
		'DELIVERY_UPDATE',
		'FEEDBACK_SURVEY',
		'FRAUD_ALERT',
		'LOW_BALANCE_WARNING',
		'ORDER_ACTION_NEEDED',
		'ORDER_CONFIRMATION',
		'ORDER_DELAY',
		'ORDER_OR_TRANSACTION_CANCEL',
		'ORDER_PICK_UP',
		'PAYMENT_ACTION_REQUIRED',
		'PAYMENT_CONFIRMATION',
		'PAYMENT_DUE_REMINDER',
		'PAYMENT_OVERDUE',
		'PAYMENT_REJECT_FAIL',
		'PAYMENT_SCHEDULED',
		'RECEIPT_ATTACHMENT',
		'RETURN_CONFIRMATION',
		'SHIPMENT_CONFIRMATION',
		'STATEMENT_ATTACHMENT',
		'STATEMENT_AVAILABLE',
		'TRANSACTION_ALERT',
	] as const,
	/** Results per library page asked for ([L] Meta's Graph default is 25; 100 is what other clients ask). */
	pageSize: 100,
};
