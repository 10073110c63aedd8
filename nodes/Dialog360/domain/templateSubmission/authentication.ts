/** An authentication template: its fixed components (Meta writes the body). */
import { AUTHENTICATION_RULES, TEMPLATE_RULES } from '../rules/templates';
import type { RuleChecks } from '../checks';
import type { TemplateSubmissionInput } from './types';

export function authenticationComponents(
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
