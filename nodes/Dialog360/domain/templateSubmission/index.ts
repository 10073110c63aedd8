/**
 * A template submission (POST /v1/configs/templates) from form input, checked against every rule in
 * TEMPLATE_RULES before anything is sent. All violations come back together, each citing its rule.
 */
import {
	TEMPLATE_CATEGORIES,
	TEMPLATE_LANGUAGE_PATTERN,
	TEMPLATE_NAME_PATTERN,
	TEMPLATE_RULES,
} from '../rules/templates';
import { RuleChecks } from '../checks';
import { authenticationComponents } from './authentication';
import { checkBody } from './body';
import { checkButtons } from './buttons';
import { checkFooter } from './footer';
import { checkHeader } from './header';
import type { BuiltSubmission, ParameterFormat, TemplateSubmissionInput } from './types';

export type {
	BuiltSubmission,
	HeaderFormat,
	ParameterFormat,
	TemplateButtonInput,
	TemplateSubmissionInput,
} from './types';
export { bodyVariableOrder } from './variables';

export function buildTemplateSubmission(input: TemplateSubmissionInput): BuiltSubmission {
	const checks = new RuleChecks();
	const { name, language } = checkNameAndLanguage(input, checks);
	const category = input.category.trim().toUpperCase();
	if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(category)) {
		checks.add(
			'Category',
			`Category must be one of ${TEMPLATE_CATEGORIES.join(', ')} (got "${input.category}")`,
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
		if (input.footer) components.push(checkFooter(input.footer, checks));
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

/** The name and language of a new template, trimmed, checked against the name and language rules. */
export function checkNameAndLanguage(
	input: { name: string; language: string },
	checks: RuleChecks,
): { name: string; language: string } {
	const name = input.name.trim();
	checks.length('Name', name, TEMPLATE_RULES.name);
	if (name && !TEMPLATE_NAME_PATTERN.test(name)) {
		checks.add('Name', `Name may only contain lowercase letters a–z, digits and _ (got "${name}")`);
	}
	const language = input.language.trim();
	if (!TEMPLATE_LANGUAGE_PATTERN.test(language)) {
		checks.add(
			'Language',
			`Language must be a WhatsApp language code such as en, en_US or pt_BR (got "${input.language}")`,
		);
	}
	return { name, language };
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
