/**
 * A template submission (POST /v1/configs/templates) from form input, checked against every rule in
 * TEMPLATE_RULES before anything is sent. All violations come back together, each citing its rule.
 */
import { parsePhoneNumber } from './phone';
import {
	AUTHENTICATION_RULES,
	TEMPLATE_BUTTON_RULES,
	TEMPLATE_CATEGORIES,
	TEMPLATE_LANGUAGE_PATTERN,
	TEMPLATE_NAME_PATTERN,
	TEMPLATE_RULES,
	TEMPLATE_VARIABLE_RULES,
	type TemplateButtonType,
} from './rules';
import { RuleChecks, withArticle, type Violation } from './checks';
import { templateVariables } from './templateParameters';
import { textOf } from './values';

export type ParameterFormat = 'POSITIONAL' | 'NAMED';
export type HeaderFormat = 'NONE' | 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';

export interface TemplateButtonInput {
	type: TemplateButtonType;
	text?: string;
	url?: string;
	/** The full URL with the variable filled in, e.g. https://x.io/o/123. */
	urlSample?: string;
	phoneNumber?: string;
	/** The sample code of a copy-code button. */
	example?: string;
}

export interface TemplateSubmissionInput {
	name: string;
	category: string;
	language: string;
	allowCategoryChange?: boolean;
	parameterFormat?: ParameterFormat;
	header?: {
		format: HeaderFormat;
		text?: string;
		textSample?: string;
		/** A media sample: a URL, or "upload" when a file is uploaded after the check. */
		mediaSample?: string;
	};
	body?: string;
	/** One example per body variable, in the order the variables first appear. */
	bodySamples?: string[];
	footer?: string;
	buttons?: TemplateButtonInput[];
	authentication?: {
		addSecurityRecommendation?: boolean;
		codeExpirationMinutes?: number;
		otpType?: string;
		buttonText?: string;
	};
}

export interface BuiltSubmission {
	payload: Record<string, unknown>;
	violations: Violation[];
}

const VARIABLE_AT_START = /^\s*\{\{[^{}]+\}\}/;
const VARIABLE_AT_END = /\{\{[^{}]+\}\}\s*$/;
const ADJACENT_VARIABLES = /\}\}\s*\{\{/;
const EMPTY_VARIABLE = /\{\{\s*\}\}/;

function checkEmptyVariable(where: string, text: string, checks: RuleChecks): void {
	if (EMPTY_VARIABLE.test(text))
		checks.add(
			where,
			`${where} has an empty variable {{}}: a variable is a number such as {{1}} or a name such as {{first_name}}`,
		);
}

function checkVariables(
	where: string,
	text: string,
	format: ParameterFormat,
	checks: RuleChecks,
): string[] {
	checkEmptyVariable(where, text, checks);
	const variables = templateVariables(text);
	if (variables.length === 0) return variables;
	const numbered = variables.filter((name) => /^\d+$/.test(name));
	if (format === 'POSITIONAL') {
		const named = variables.filter((name) => !/^\d+$/.test(name));
		if (named.length) {
			checks.add(
				where,
				`${where} uses named variables (${named.map((name) => `{{${name}}}`).join(', ')}) but Parameter Format is Positional: write {{1}}, {{2}}… or choose Named`,
			);
		}
		const numbers = numbered.map(Number).sort((a, b) => a - b);
		const expected = numbers.map((_, index) => index + 1);
		if (numbers.join() !== expected.join()) {
			checks.add(
				where,
				`${where} variables must be numbered {{1}} to {{${numbers.length}}} without gaps (got ${numbers.map((n) => `{{${n}}}`).join(', ')})`,
			);
		}
	} else {
		if (numbered.length) {
			checks.add(
				where,
				`${where} uses numbered variables (${numbered.map((name) => `{{${name}}}`).join(', ')}) but Parameter Format is Named: write names such as {{first_name}} or choose Positional`,
			);
		}
		for (const name of variables.filter(
			(candidate) =>
				!/^\d+$/.test(candidate) && !TEMPLATE_VARIABLE_RULES.namedPattern.test(candidate),
		)) {
			checks.add(
				where,
				`${where} variable {{${name}}} must be lowercase letters, digits and _, starting with a letter`,
			);
		}
	}
	return format === 'POSITIONAL' ? [...numbered].sort((a, b) => Number(a) - Number(b)) : variables;
}

/**
 * The order body samples are given in: numbered variables by number ({{1}}, {{2}}…), named ones as
 * they first appear. The editor's sample fields and the check both follow it.
 */
export function bodyVariableOrder(body: string): string[] {
	const variables = templateVariables(body);
	return variables.every((name) => /^\d+$/.test(name))
		? [...variables].sort((a, b) => Number(a) - Number(b))
		: variables;
}

function example(
	format: ParameterFormat,
	variables: string[],
	samples: string[],
	key: 'header' | 'body',
): Record<string, unknown> {
	if (format === 'NAMED') {
		return {
			[`${key}_text_named_params`]: variables.map((name, index) => ({
				param_name: name,
				example: samples[index] ?? '',
			})),
		};
	}
	return { [`${key}_text`]: key === 'header' ? samples : [samples] };
}

function checkSamples(
	where: string,
	variables: string[],
	samples: string[],
	checks: RuleChecks,
): void {
	if (samples.length !== variables.length) {
		checks.add(
			where,
			`${where} has ${variables.length} variable${variables.length === 1 ? '' : 's'} but ${samples.length} sample${samples.length === 1 ? '' : 's'}: Meta reviews the template with one example per variable`,
		);
	}
	samples.forEach((sample, index) => {
		if (sample.trim() === '')
			checks.add(
				where,
				`${where} sample for ${variables[index] === undefined ? `#${index + 1}` : `{{${variables[index]}}}`} is empty: every variable needs an example`,
			);
	});
}

function checkBody(
	body: string,
	format: ParameterFormat,
	samples: string[],
	checks: RuleChecks,
): Record<string, unknown> {
	checks.length('Body', body, TEMPLATE_RULES.body);
	const variables = checkVariables('Body', body, format, checks);
	if (variables.length) {
		if (VARIABLE_AT_START.test(body))
			checks.add(
				'Body',
				`Body must not start with a variable: Meta rejects it; put some text before it`,
			);
		if (VARIABLE_AT_END.test(body))
			checks.add(
				'Body',
				`Body must not end with a variable: Meta rejects it; put some text after it`,
			);
		if (ADJACENT_VARIABLES.test(body))
			checks.add(
				'Body',
				`Body must not have two variables side by side: Meta rejects it; put some text between them`,
			);
		checkSamples('Body', variables, samples, checks);
	} else if (samples.some((sample) => sample.trim() !== '')) {
		checks.add('Body', `Body has no variables, so it takes no samples (got ${samples.length})`);
	}
	return {
		type: 'BODY',
		text: body,
		...(variables.length ? { example: example(format, variables, samples, 'body') } : {}),
	};
}

function checkHeader(
	input: NonNullable<TemplateSubmissionInput['header']>,
	category: string,
	format: ParameterFormat,
	checks: RuleChecks,
): Record<string, unknown> | undefined {
	switch (input.format) {
		case 'NONE':
			return undefined;
		case 'TEXT': {
			const text = input.text ?? '';
			checks.length('Header Text', text, TEMPLATE_RULES.headerText);
			const variables = checkVariables('Header Text', text, format, checks);
			if (variables.length > 1)
				checks.add(
					'Header Text',
					`Header Text must have at most 1 variable (got ${variables.length})`,
				);
			const samples = variables.length ? [input.textSample ?? ''] : [];
			if (variables.length) checkSamples('Header Text', variables.slice(0, 1), samples, checks);
			return {
				type: 'HEADER',
				format: 'TEXT',
				text,
				...(variables.length
					? { example: example(format, variables.slice(0, 1), samples, 'header') }
					: {}),
			};
		}
		case 'LOCATION':
			if (!TEMPLATE_BUTTON_RULES.locationHeaderCategories.includes(category)) {
				checks.add(
					'Header',
					`Header cannot be a location in ${withArticle(category.toLowerCase())} template: only utility and marketing templates have one`,
				);
			}
			return { type: 'HEADER', format: 'LOCATION' };
		default: {
			const sample = (input.mediaSample ?? '').trim();
			if (!sample)
				checks.add(
					'Header Sample',
					`Header Sample is required for ${withArticle(input.format.toLowerCase())} header: a URL or a file to upload; Meta reviews the template with it`,
				);
			else if (sample !== 'upload' && !/^https?:\/\/\S+$/.test(sample))
				checks.add('Header Sample', `Header Sample must be an http(s) URL (got "${sample}")`);
			return { type: 'HEADER', format: input.format, example: { header_handle: [sample] } };
		}
	}
}

function checkButtons(
	buttons: TemplateButtonInput[],
	category: string,
	checks: RuleChecks,
): Record<string, unknown> | undefined {
	if (buttons.length === 0) return undefined;
	const rules = TEMPLATE_BUTTON_RULES;
	if (buttons.length > rules.total.max)
		checks.add(
			'Buttons',
			`Buttons must be at most ${rules.total.max} in all (got ${buttons.length})`,
		);
	for (const [type, rule] of Object.entries(rules.perType)) {
		const count = buttons.filter((button) => button.type === type).length;
		if (count > rule.max)
			checks.add(
				'Buttons',
				`Buttons may include at most ${rule.max} ${rule.label} button${rule.max === 1 ? '' : 's'} (got ${count})`,
			);
	}
	const quickReplies = buttons
		.map((button, index) => (button.type === 'QUICK_REPLY' ? index : -1))
		.filter((index) => index >= 0);
	if (
		quickReplies.length &&
		quickReplies[quickReplies.length - 1] - quickReplies[0] + 1 !== quickReplies.length
	) {
		checks.add(
			'Buttons',
			`Buttons of the quick-reply type must be next to each other, not between URL or phone buttons (they are at positions ${quickReplies.map((index) => index + 1).join(', ')})`,
		);
	}
	const built = buttons.map((button, index) => {
		const where = `Button ${index + 1}`;
		if (rules.fixedLabel.includes(button.type)) {
			if (button.text?.trim())
				checks.add(
					`${where} Text`,
					`${where} Text must be empty for ${withArticle(rules.perType[button.type].label)} button: WhatsApp sets its label`,
				);
		} else checks.length(`${where} Text`, button.text, TEMPLATE_RULES.buttonText);
		const allowedIn = rules.categories[button.type];
		if (allowedIn && !allowedIn.includes(category))
			checks.add(
				where,
				`${where} cannot be ${withArticle(rules.perType[button.type]?.label ?? button.type)} button in ${withArticle(category.toLowerCase())} template: only ${allowedIn.map((name) => name.toLowerCase()).join(' and ')} templates have one`,
			);
		switch (button.type) {
			case 'QUICK_REPLY':
				return { type: 'QUICK_REPLY', text: button.text };
			case 'URL': {
				const url = (button.url ?? '').trim();
				checks.length(`${where} URL`, url, TEMPLATE_RULES.buttonUrl);
				checkEmptyVariable(`${where} URL`, url, checks);
				const variables = templateVariables(url);
				if (url && !/^https?:\/\//.test(url))
					checks.add(
						`${where} URL`,
						`${where} URL must start with http:// or https:// (got "${url}")`,
					);
				if (variables.length > 1)
					checks.add(
						`${where} URL`,
						`${where} URL must have at most 1 variable (got ${variables.length})`,
					);
				if (variables.length && !VARIABLE_AT_END.test(url))
					checks.add(`${where} URL`, `${where} URL variable must be at the very end of the URL`);
				const sample = (button.urlSample ?? '').trim();
				if (variables.length && !sample)
					checks.add(
						`${where} URL Sample`,
						`${where} URL Sample is required because the URL has a variable: the full URL with an example in its place`,
					);
				return {
					type: 'URL',
					text: button.text,
					url,
					...(variables.length ? { example: [sample] } : {}),
				};
			}
			case 'PHONE_NUMBER': {
				const raw = (button.phoneNumber ?? '').trim();
				let phone = raw;
				try {
					phone = parsePhoneNumber(raw).e164;
				} catch {
					checks.add(
						`${where} Phone Number`,
						`${where} Phone Number "${raw}" is not a phone number with its country code: write it like +49 30 123456`,
					);
				}
				checks.length(`${where} Phone Number`, phone, TEMPLATE_RULES.buttonPhone);
				return { type: 'PHONE_NUMBER', text: button.text, phone_number: phone };
			}
			case 'COPY_CODE':
				checks.length(`${where} Example Code`, button.example, TEMPLATE_RULES.couponExample);
				return { type: 'COPY_CODE', example: button.example };
			case 'REQUEST_CONTACT_INFO':
				return { type: 'REQUEST_CONTACT_INFO' };
			default:
				checks.add(
					where,
					`${where} type "${textOf(button.type)}" is not one of ${Object.keys(rules.perType).join(', ')}`,
				);
				return { type: button.type };
		}
	});
	return { type: 'BUTTONS', buttons: built };
}

function authenticationComponents(
	input: NonNullable<TemplateSubmissionInput['authentication']>,
	checks: RuleChecks,
): Array<Record<string, unknown>> {
	const minutes = input.codeExpirationMinutes;
	const rule = AUTHENTICATION_RULES.codeExpirationMinutes;
	if (
		minutes !== undefined &&
		(!Number.isInteger(minutes) || minutes < rule.min || minutes > rule.max)
	) {
		checks.add(
			'Code Expiration Minutes',
			`Code Expiration Minutes must be a whole number from ${rule.min} to ${rule.max} (got ${minutes})`,
		);
	}
	const otpType = input.otpType ?? 'COPY_CODE';
	if (!(AUTHENTICATION_RULES.otpTypes as readonly string[]).includes(otpType)) {
		checks.add(
			'OTP Button',
			`OTP Button must be one of ${AUTHENTICATION_RULES.otpTypes.join(', ')} (got "${otpType}")`,
		);
	}
	if (input.buttonText)
		checks.length('OTP Button Text', input.buttonText, TEMPLATE_RULES.buttonText);
	return [
		{ type: 'BODY', add_security_recommendation: input.addSecurityRecommendation === true },
		...(minutes !== undefined ? [{ type: 'FOOTER', code_expiration_minutes: minutes }] : []),
		{
			type: 'BUTTONS',
			buttons: [
				{ type: 'OTP', otp_type: otpType, ...(input.buttonText ? { text: input.buttonText } : {}) },
			],
		},
	];
}

export function buildTemplateSubmission(input: TemplateSubmissionInput): BuiltSubmission {
	const checks = new RuleChecks();
	const name = input.name.trim();
	checks.length('Name', name, TEMPLATE_RULES.name);
	if (name && !TEMPLATE_NAME_PATTERN.test(name)) {
		checks.add('Name', `Name may only contain lowercase letters a–z, digits and _ (got "${name}")`);
	}
	const category = input.category.trim().toUpperCase();
	if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(category)) {
		checks.add(
			'Category',
			`Category must be one of ${TEMPLATE_CATEGORIES.join(', ')} (got "${input.category}")`,
		);
	}
	const language = input.language.trim();
	if (!TEMPLATE_LANGUAGE_PATTERN.test(language)) {
		checks.add(
			'Language',
			`Language must be a WhatsApp language code such as en, en_US or pt_BR (got "${input.language}")`,
		);
	}
	const format: ParameterFormat = input.parameterFormat === 'NAMED' ? 'NAMED' : 'POSITIONAL';

	let components: Array<Record<string, unknown>>;
	if (category === 'AUTHENTICATION') {
		components = authenticationComponents(input.authentication ?? {}, checks);
	} else {
		components = [];
		const header = input.header ? checkHeader(input.header, category, format, checks) : undefined;
		if (header) components.push(header);
		components.push(checkBody(input.body ?? '', format, input.bodySamples ?? [], checks));
		if (input.footer) {
			checks.length('Footer', input.footer, TEMPLATE_RULES.footer);
			if (templateVariables(input.footer).length || EMPTY_VARIABLE.test(input.footer))
				checks.add('Footer', 'Footer must not have variables: WhatsApp shows it as written');
			components.push({ type: 'FOOTER', text: input.footer });
		}
		const buttons = checkButtons(input.buttons ?? [], category, checks);
		if (buttons) components.push(buttons);
	}

	return {
		payload: {
			name,
			category,
			language,
			...(input.allowCategoryChange !== undefined
				? { allow_category_change: input.allowCategoryChange }
				: {}),
			...(category !== 'AUTHENTICATION' && format === 'NAMED' ? { parameter_format: 'NAMED' } : {}),
			components,
		},
		violations: checks.violations,
	};
}

/** Puts the handle of an uploaded media sample into a built submission. */
export function withHeaderHandle(
	payload: Record<string, unknown>,
	handle: string,
): Record<string, unknown> {
	const components = (payload.components as Array<Record<string, unknown>>).map((component) =>
		component.type === 'HEADER'
			? { ...component, example: { header_handle: [handle] } }
			: component,
	);
	return { ...payload, components };
}
