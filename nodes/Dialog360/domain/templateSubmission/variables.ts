/**
 * Template variables ({{1}} or {{first_name}}) in a text, and their samples: the rules every
 * component with variables shares.
 */
import { TEMPLATE_VARIABLE_RULES } from '../rules/templates';
import type { RuleChecks } from '../checks';
import { templateVariables } from '../templateParameters';
import type { ParameterFormat } from './types';

export const VARIABLE_AT_START = /^\s*\{\{[^{}]+\}\}/;
export const VARIABLE_AT_END = /\{\{[^{}]+\}\}\s*$/;
export const ADJACENT_VARIABLES = /\}\}\s*\{\{/;
export const EMPTY_VARIABLE = /\{\{\s*\}\}/;

export function checkEmptyVariable(where: string, text: string, checks: RuleChecks): void {
	if (EMPTY_VARIABLE.test(text))
		checks.add(
			where,
			`${where} has an empty variable {{}}: a variable is a number such as {{1}} or a name such as {{first_name}}`,
		);
}

export function checkVariables(
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

export function example(
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

export function checkSamples(
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
