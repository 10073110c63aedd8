/**
 * Meta's template library: reading its entries, and a new template made from one of them
 * (`library_template_name` plus the inputs its buttons ask for), checked against TEMPLATE_LIBRARY_RULES
 * before anything is sent. Meta "Template Library":
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-library
 */
import { RuleChecks, withArticle, type Violation } from '../checks';
import {
	AUTHENTICATION_RULES,
	TEMPLATE_LANGUAGE_PATTERN,
	TEMPLATE_LIBRARY_RULES,
} from '../rules/templates';
import { nextPageCursor } from '../paging';
import { textOf } from '../values';
import { checkButtonPhone, checkButtonUrl } from './buttons';
import { checkNameAndLanguage } from './index';

/** A library button as GET /message_template_library answers it (360dialog: `url` may be an object). */
export interface LibraryButton {
	type?: string;
	text?: string;
	url?: string | { base_url?: string; url_suffix_example?: string };
	phone_number?: string;
	otp_type?: string;
}

/** A library entry (360dialog's MessageTemplateLibraryItem, Meta's example response). */
export interface LibraryTemplate {
	name: string;
	language?: string;
	category?: string;
	topic?: string;
	usecase?: string;
	industry?: string[];
	header?: string;
	body?: string;
	body_params?: string[];
	body_param_types?: string[];
	buttons?: LibraryButton[];
	id?: string;
}

export interface LibraryPage {
	templates: LibraryTemplate[];
	/** The cursor of the next page; undefined on the last. */
	after?: string;
}

/** Reads a library page: Meta's envelope, `data` and `paging` (cursors.after, next). */
export function readLibraryPage(body: unknown): LibraryPage {
	const envelope = (body ?? {}) as { data?: unknown };
	if (!Array.isArray(envelope.data))
		throw new Error('The template library answer has no "data" list');
	const templates = (envelope.data as LibraryTemplate[]).filter(
		(entry) => entry && typeof entry === 'object' && typeof entry.name === 'string',
	);
	// Graph's last page may still carry a cursor; `next` says whether there is more.
	return { templates, after: nextPageCursor(body) ?? undefined };
}

type InputType = (typeof TEMPLATE_LIBRARY_RULES.inputButtonTypes)[number];

const INPUT_LABEL: Record<InputType, string> = {
	URL: 'URL',
	PHONE_NUMBER: 'phone-number',
	OTP: 'OTP',
};

function inputTypeOf(button: LibraryButton): InputType | undefined {
	const type = textOf(button.type).toUpperCase();
	return (TEMPLATE_LIBRARY_RULES.inputButtonTypes as readonly string[]).includes(type)
		? (type as InputType)
		: undefined;
}

function exampleOf(button: LibraryButton): string | undefined {
	if (typeof button.url === 'string') return button.url;
	if (button.url && typeof button.url === 'object') return textOf(button.url.base_url) || undefined;
	return button.phone_number || undefined;
}

/** What a library button needs when a template is made from it, in words. */
export function libraryButtonNeeds(button: LibraryButton): string {
	switch (inputTypeOf(button)) {
		case 'URL':
			return 'Your URL (and a URL Sample when it ends in a variable such as {{1}})';
		case 'PHONE_NUMBER':
			return 'Your phone number';
		case 'OTP':
			return 'An OTP Type (and your Android app for one-tap and zero-tap)';
		default:
			return 'Nothing: its label and action are fixed';
	}
}

/** A library entry for the output: its fixed content, filters and what each button needs. */
export function simplifyLibraryTemplate(entry: LibraryTemplate): Record<string, unknown> {
	return {
		name: entry.name,
		category: textOf(entry.category).toUpperCase(),
		language: entry.language ?? null,
		topic: entry.topic ?? null,
		useCase: entry.usecase ?? null,
		industry: Array.isArray(entry.industry) ? entry.industry : [],
		header: entry.header ?? null,
		body: entry.body ?? '',
		bodySamples: Array.isArray(entry.body_params) ? entry.body_params : [],
		buttons: (entry.buttons ?? []).map((button) => ({
			type: textOf(button.type).toUpperCase(),
			text: button.text ?? null,
			example: exampleOf(button) ?? null,
			needs: libraryButtonNeeds(button),
		})),
	};
}

/** One input for a library button, as the form gives it. */
export interface LibraryButtonInput {
	type: string;
	url?: string;
	urlSample?: string;
	phoneNumber?: string;
	otpType?: string;
	packageName?: string;
	signatureHash?: string;
	zeroTapTermsAccepted?: boolean;
}

export interface LibrarySubmissionInput {
	name: string;
	language: string;
	libraryTemplateName: string;
	buttonInputs: LibraryButtonInput[];
}

function otpInput(
	where: string,
	input: LibraryButtonInput,
	checks: RuleChecks,
): Record<string, unknown> {
	const otpType = textOf(input.otpType || 'COPY_CODE').toUpperCase();
	if (!(AUTHENTICATION_RULES.otpTypes as readonly string[]).includes(otpType))
		checks.add(
			`${where} OTP Type`,
			`${where} OTP Type must be one of ${AUTHENTICATION_RULES.otpTypes.join(', ')} (got "${otpType}")`,
		);
	const needsApp = otpType === 'ONE_TAP' || otpType === 'ZERO_TAP';
	const packageName = (input.packageName ?? '').trim();
	const signatureHash = (input.signatureHash ?? '').trim();
	if (needsApp && !packageName)
		checks.add(
			`${where} Package Name`,
			`${where} Package Name is required for a ${otpType.toLowerCase().replace('_', '-')} button: the Android app that receives the code`,
		);
	if (needsApp && !signatureHash)
		checks.add(
			`${where} Signature Hash`,
			`${where} Signature Hash is required for a ${otpType.toLowerCase().replace('_', '-')} button: the app's signing key hash`,
		);
	if (otpType === 'ZERO_TAP' && input.zeroTapTermsAccepted !== true)
		checks.add(
			`${where} Zero-Tap Terms Accepted`,
			`${where} Zero-Tap Terms Accepted must be on for a zero-tap button: Meta requires accepting its zero-tap terms`,
		);
	return {
		type: 'OTP',
		otp_type: otpType,
		...(needsApp
			? { supported_apps: [{ package_name: packageName, signature_hash: signatureHash }] }
			: {}),
		...(otpType === 'ZERO_TAP'
			? { zero_tap_terms_accepted: input.zeroTapTermsAccepted === true }
			: {}),
	};
}

function buttonInput(
	where: string,
	input: LibraryButtonInput,
	checks: RuleChecks,
): Record<string, unknown> | undefined {
	switch (input.type) {
		case 'URL': {
			const { url, sample } = checkButtonUrl(where, input.url, input.urlSample, checks);
			return {
				type: 'URL',
				url: { base_url: url, ...(sample !== undefined ? { url_suffix_example: sample } : {}) },
			};
		}
		case 'PHONE_NUMBER':
			return {
				type: 'PHONE_NUMBER',
				phone_number: checkButtonPhone(where, input.phoneNumber, checks),
			};
		case 'OTP':
			return otpInput(where, input, checks);
		default:
			checks.add(
				`${where} Type`,
				`${where} Type must be one of ${TEMPLATE_LIBRARY_RULES.inputButtonTypes.join(', ')} (got "${textOf(input.type)}"): only those library buttons take an input`,
			);
			return undefined;
	}
}

/** Whether each input has a button of its type to go to, and each button that takes one its input. */
function checkInputsMatchButtons(
	library: LibraryTemplate,
	inputs: LibraryButtonInput[],
	checks: RuleChecks,
): void {
	const buttons = library.buttons ?? [];
	for (const type of TEMPLATE_LIBRARY_RULES.inputButtonTypes) {
		const wanted = buttons.filter((button) => inputTypeOf(button) === type);
		const given = inputs
			.map((input, index) => ({ input, index }))
			.filter(({ input }) => input.type === type);
		const label = INPUT_LABEL[type];
		given.slice(wanted.length).forEach(({ index }) => {
			checks.add(
				`Button Input ${index + 1}`,
				`Button Input ${index + 1} is for ${withArticle(label)} button, but the library template ${library.name} has ${wanted.length ? `only ${wanted.length}` : 'none'}: give an input only for the buttons it has (Browse Library shows them)`,
			);
		});
		wanted.slice(given.length).forEach((button) => {
			checks.add(
				'Button Inputs',
				`Button Inputs must include one for the ${label} button${button.text ? ` "${button.text}"` : ''} of the library template ${library.name}: Meta requires an input for each of its ${label} buttons`,
			);
		});
	}
}

/**
 * The body of POST /v1/configs/templates for a template made from a library entry (`library`, or
 * undefined when the library has no entry of that name in that language). The category is the
 * entry's; the fixed content is not sent, only the button inputs.
 */
export function buildLibrarySubmission(
	input: LibrarySubmissionInput,
	library: LibraryTemplate | undefined,
): { payload: Record<string, unknown>; violations: Violation[] } {
	const checks = new RuleChecks();
	const { name, language } = checkNameAndLanguage(input, checks);
	const libraryName = input.libraryTemplateName.trim();
	checks.length('Library Template', libraryName, TEMPLATE_LIBRARY_RULES.libraryName);
	const category = textOf(library?.category).toUpperCase();
	// With a malformed language the library was not asked: the Language error says what to fix.
	if (libraryName && !library && TEMPLATE_LANGUAGE_PATTERN.test(language)) {
		checks.add(
			'Library Template',
			`Library Template "${libraryName}" is not in WhatsApp's template library in ${language || 'this language'}: pick one from the list (Browse Library shows each with its languages)`,
		);
	} else if (library && !TEMPLATE_LIBRARY_RULES.categories.includes(category)) {
		checks.add(
			'Library Template',
			`Library Template "${libraryName}" is ${withArticle(category.toLowerCase() || 'uncategorised')} template; only ${TEMPLATE_LIBRARY_RULES.categories.map((name) => name.toLowerCase()).join(' and ')} library templates can be submitted`,
		);
	}
	if (library) checkInputsMatchButtons(library, input.buttonInputs, checks);
	const inputs = input.buttonInputs
		.map((entry, index) => buttonInput(`Button Input ${index + 1}`, entry, checks))
		.filter((entry): entry is Record<string, unknown> => entry !== undefined);
	return {
		payload: {
			name,
			category: category || 'UTILITY',
			language,
			library_template_name: libraryName,
			...(inputs.length ? { library_template_button_inputs: inputs } : {}),
		},
		violations: checks.violations,
	};
}
