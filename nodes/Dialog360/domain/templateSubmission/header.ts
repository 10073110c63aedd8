/** The header component of a template submission: none, text, location or a media sample. */
import { TEMPLATE_BUTTON_RULES, TEMPLATE_RULES } from '../rules/templates';
import { withArticle, type RuleChecks } from '../checks';
import type { ParameterFormat, TemplateSubmissionInput } from './types';
import { checkSamples, checkVariables, example } from './variables';

export function checkHeader(
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
