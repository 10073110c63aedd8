/** The footer component of a template submission. */
import { TEMPLATE_RULES } from '../rules/templates';
import type { RuleChecks } from '../checks';
import { templateVariables } from '../templateParameters';
import { EMPTY_VARIABLE } from './variables';

export function checkFooter(footer: string, checks: RuleChecks): Record<string, unknown> {
	checks.length('Footer', footer, TEMPLATE_RULES.footer);
	if (templateVariables(footer).length || EMPTY_VARIABLE.test(footer))
		checks.add('Footer', 'Footer must not have variables: WhatsApp shows it as written');
	return { type: 'FOOTER', text: footer };
}
