/**
 * WhatsApp Flows (issue 27): a flow message and a template's flow button, fed generated input. Each
 * either builds a payload that Meta's rules allow (written out again here, not read from the rules
 * table) or is refused with violations that name their field; and input within the rules is always
 * accepted.
 */
import fc from 'fast-check';

import { buildMessage, type FlowMessageContent } from '../../nodes/Dialog360/domain/messages';
import {
	buildTemplateSubmission,
	type TemplateButtonInput,
} from '../../nodes/Dialog360/domain/templateSubmission';
import { length, namesItsField, optionalWithin, textNear, validText, within } from './arbitraries';

jest.setTimeout(120_000);

const RUNS = 2_000;
const recipient = { to: '+4915112345678' };
const EMOJI = /\p{Extended_Pictographic}/u;

const flowId = fc.oneof(fc.stringMatching(/^\d{1,16}$/), fc.constantFrom('', ' 12 ', 'abc', '12a'));
const data = fc.option(
	fc.oneof(fc.constant({}), fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer())),
	{ nil: undefined },
);
/** A button text the rules accept: 1–30 characters, none of them an emoji. */
const goodCta = validText(1, 30).map((text) => text.replace(/\p{Extended_Pictographic}/gu, 'x'));

function parametersOf(payload: Record<string, unknown>): Record<string, any> {
	return (payload.interactive as { action: { parameters: Record<string, any> } }).action.parameters;
}

describe('flow messages', () => {
	it("accepted payloads obey Meta's rules, rejections name their field", () => {
		fc.assert(
			fc.property(
				fc.record({
					body: textNear(1024),
					header: textNear(60),
					flowId,
					cta: fc.oneof(textNear(30), fc.constant('Open 📝')),
					flowToken: textNear(512),
					action: fc.constantFrom('navigate' as const, 'data_exchange' as const),
					screen: fc.option(textNear(200), { nil: undefined }),
					data,
				}),
				(content: FlowMessageContent) => {
					const { payload, violations } = buildMessage(recipient, { type: 'flow', ...content });
					if (violations.length) return violations.every(namesItsField);
					const sent = parametersOf(payload);
					const navigate = sent.flow_action === 'navigate';
					return (
						within(content.body, 1, 1024) &&
						optionalWithin(content.header, 60) &&
						/^\d+$/.test(sent.flow_id) &&
						within(sent.flow_cta, 1, 30) &&
						!EMOJI.test(sent.flow_cta) &&
						within(sent.flow_token, 1, 512) &&
						sent.flow_message_version === '3' &&
						(navigate
							? length(sent.flow_action_payload.screen ?? '') >= 1 &&
								(sent.flow_action_payload.data === undefined ||
									Object.keys(sent.flow_action_payload.data).length > 0)
							: sent.flow_action_payload === undefined)
					);
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('input within the rules is always accepted', () => {
		fc.assert(
			fc.property(
				validText(1, 1024),
				fc.stringMatching(/^\d{1,16}$/),
				goodCta,
				validText(1, 512),
				fc.constantFrom('navigate' as const, 'data_exchange' as const),
				fc.stringMatching(/^[A-Z_]{1,30}$/),
				(body, id, cta, flowToken, action, screen) =>
					buildMessage(recipient, {
						type: 'flow',
						body,
						flowId: id,
						cta,
						flowToken,
						action,
						screen,
					}).violations.length === 0,
			),
			{ numRuns: RUNS },
		);
	});
});

describe('template flow buttons', () => {
	const flowButton: fc.Arbitrary<TemplateButtonInput> = fc.record({
		type: fc.constant('FLOW' as const),
		text: textNear(25),
		flowId: fc.option(flowId, { nil: undefined }),
		flowName: fc.option(fc.constantFrom('', 'lead_form'), { nil: undefined }),
		flowAction: fc.constantFrom(undefined, 'navigate', 'data_exchange', 'open'),
		navigateScreen: fc.option(textNear(200), { nil: undefined }),
	});

	it('accepted submissions obey the rules, rejections name their field', () => {
		fc.assert(
			fc.property(fc.array(flowButton, { maxLength: 2 }), (buttons) => {
				const { payload, violations } = buildTemplateSubmission({
					name: 'lead_invite',
					category: 'MARKETING',
					language: 'en_US',
					body: 'Tell us what you need.',
					buttons,
				});
				if (violations.length) return violations.every(namesItsField);
				const sent = ((payload.components as Array<Record<string, any>>).find(
					(component) => component.type === 'BUTTONS',
				)?.buttons ?? []) as Array<Record<string, any>>;
				return (
					sent.length <= 1 &&
					sent.every(
						(button) =>
							within(button.text, 1, 25) &&
							(button.flow_id === undefined) !== (button.flow_name === undefined) &&
							(button.flow_id === undefined || /^\d+$/.test(button.flow_id)) &&
							['navigate', 'data_exchange'].includes(button.flow_action) &&
							(button.flow_action === 'navigate') === (button.navigate_screen !== undefined) &&
							(button.navigate_screen === undefined || length(button.navigate_screen) >= 1),
					)
				);
			}),
			{ numRuns: RUNS },
		);
	});

	it('one flow button within the rules is always accepted, next to quick replies', () => {
		fc.assert(
			fc.property(
				validText(1, 25),
				fc.oneof(
					fc.stringMatching(/^\d{1,16}$/).map((id) => ({ flowId: id })),
					fc.constant({ flowName: 'lead_form' }),
				),
				fc.oneof(
					fc.stringMatching(/^[A-Z_]{1,30}$/).map((screen) => ({
						flowAction: 'navigate',
						navigateScreen: screen,
					})),
					fc.constant({ flowAction: 'data_exchange' }),
				),
				(text, flow, action) =>
					buildTemplateSubmission({
						name: 'lead_invite',
						category: 'UTILITY',
						language: 'en_US',
						body: 'Tell us what you need.',
						buttons: [
							{ type: 'QUICK_REPLY', text: 'Later' },
							{ type: 'FLOW', text, ...flow, ...action },
						],
					}).violations.length === 0,
			),
			{ numRuns: RUNS },
		);
	});

	it('refuses a second flow button', () => {
		const { violations } = buildTemplateSubmission({
			name: 'two_flows',
			category: 'MARKETING',
			language: 'en_US',
			body: 'b',
			buttons: [1, 2].map((n) => ({
				type: 'FLOW' as const,
				text: `Form ${n}`,
				flowId: '1',
				navigateScreen: 'S',
			})),
		});
		expect(violations.map((violation) => violation.message)).toEqual([
			'Buttons may include at most 1 flow button (got 2)',
		]);
	});
});
