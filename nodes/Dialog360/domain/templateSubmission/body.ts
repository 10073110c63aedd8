/** The body component of a template submission. */
import { TEMPLATE_RULES } from '../rules/templates';
import type { RuleChecks } from '../checks';
import type { ParameterFormat } from './types';
import {
	ADJACENT_VARIABLES,
	checkSamples,
	checkVariables,
	example,
	VARIABLE_AT_END,
	VARIABLE_AT_START,
} from './variables';

export function checkBody(
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
