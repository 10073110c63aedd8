/** The buttons component of a template submission. */
import { isFlowId } from '../flows';
import { parsePhoneNumber } from '../phone';
import { MESSAGE_RULES } from '../rules/messages';
import { TEMPLATE_BUTTON_RULES, TEMPLATE_RULES } from '../rules/templates';
import { withArticle, type RuleChecks } from '../checks';
import { templateVariables } from '../templateParameters';
import { textOf } from '../values';
import type { TemplateButtonInput } from './types';
import { checkEmptyVariable, VARIABLE_AT_END } from './variables';

export function checkButtons(
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
				const { url, sample } = checkButtonUrl(where, button.url, button.urlSample, checks);
				return {
					type: 'URL',
					text: button.text,
					url,
					...(sample !== undefined ? { example: [sample] } : {}),
				};
			}
			case 'PHONE_NUMBER':
				return {
					type: 'PHONE_NUMBER',
					text: button.text,
					phone_number: checkButtonPhone(where, button.phoneNumber, checks),
				};
			case 'COPY_CODE':
				checks.length(`${where} Example Code`, button.example, TEMPLATE_RULES.couponExample);
				return { type: 'COPY_CODE', example: button.example };
			case 'REQUEST_CONTACT_INFO':
				return { type: 'REQUEST_CONTACT_INFO' };
			case 'FLOW':
				return flowButton(button, where, checks);
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

/** A flow button: the flow by ID or name, navigate (with its first screen) or data_exchange. */
function flowButton(
	button: TemplateButtonInput,
	where: string,
	checks: RuleChecks,
): Record<string, unknown> {
	const flowId = (button.flowId ?? '').trim();
	const flowName = (button.flowName ?? '').trim();
	if (!flowId === !flowName)
		checks.add(
			`${where} Flow ID`,
			`${where} needs either a Flow ID or a Flow Name (${flowId ? 'both were given' : 'neither was given'})`,
		);
	if (flowId && !isFlowId(flowId))
		checks.add(
			`${where} Flow ID`,
			`${where} Flow ID must be the flow's numeric ID (got "${flowId}")`,
		);
	const action = (button.flowAction ?? '').trim() || 'navigate';
	const { flowActions } = TEMPLATE_BUTTON_RULES;
	if (!(flowActions as readonly string[]).includes(action))
		checks.add(
			`${where} Flow Action`,
			`${where} Flow Action must be ${flowActions.join(' or ')} (got "${action}")`,
		);
	const screen = (button.navigateScreen ?? '').trim();
	if (action === 'navigate')
		checks.length(`${where} First Screen`, screen, MESSAGE_RULES.flowScreen);
	return {
		type: 'FLOW',
		text: button.text,
		...(flowId ? { flow_id: flowId } : { flow_name: flowName }),
		flow_action: action,
		...(action === 'navigate' ? { navigate_screen: screen } : {}),
	};
}

/**
 * A URL button's link: http(s), at most one variable, at the very end, and then the full URL with an
 * example in its place. `sample` is given back only when the URL has a variable.
 */
export function checkButtonUrl(
	where: string,
	rawUrl: string | undefined,
	rawSample: string | undefined,
	checks: RuleChecks,
): { url: string; sample?: string } {
	const url = (rawUrl ?? '').trim();
	checks.length(`${where} URL`, url, TEMPLATE_RULES.buttonUrl);
	checkEmptyVariable(`${where} URL`, url, checks);
	const variables = templateVariables(url);
	if (url && !/^https?:\/\//.test(url))
		checks.add(`${where} URL`, `${where} URL must start with http:// or https:// (got "${url}")`);
	if (variables.length > 1)
		checks.add(
			`${where} URL`,
			`${where} URL must have at most 1 variable (got ${variables.length})`,
		);
	if (variables.length && !VARIABLE_AT_END.test(url))
		checks.add(`${where} URL`, `${where} URL variable must be at the very end of the URL`);
	const sample = (rawSample ?? '').trim();
	if (variables.length && !sample)
		checks.add(
			`${where} URL Sample`,
			`${where} URL Sample is required because the URL has a variable: the full URL with an example in its place`,
		);
	return variables.length ? { url, sample } : { url };
}

/** A phone-number button's number: with its country code, given back in E.164. */
export function checkButtonPhone(
	where: string,
	rawPhone: string | undefined,
	checks: RuleChecks,
): string {
	const raw = (rawPhone ?? '').trim();
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
	return phone;
}
