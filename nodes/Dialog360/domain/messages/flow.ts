/**
 * A WhatsApp Flow message: a call-to-action button that opens a form (a "flow") inside the chat.
 * Meta, "Sending a Flow":
 * https://developers.facebook.com/docs/whatsapp/flows/guides/sendingaflow/ and "Flow messages":
 * https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-flow-messages/
 * (interactive.type "flow", action.name "flow", flow_message_version "3"; flow_id or flow_name;
 * flow_cta at most 30 characters without emoji (MESSAGE_RULES.flowCta); mode "published" (default) or "draft";
 * flow_action "navigate" (default, needs flow_action_payload.screen, data a non-empty object when
 * given) or "data_exchange" (no payload)).
 */
import type { RuleChecks } from '../checks';
import { isFlowId } from '../flows';
import { MESSAGE_RULES } from '../rules/messages';
import type { ContentPayload, InteractiveText } from './types';

export type FlowAction = 'navigate' | 'data_exchange';

export interface FlowMessageContent extends InteractiveText {
	/** The published flow's ID (digits). */
	flowId: string;
	/** The button text that opens the form. */
	cta: string;
	/** Identifies this send; WhatsApp returns it with the answer (nfm_reply). */
	flowToken: string;
	mode?: 'published' | 'draft';
	action?: FlowAction;
	/** The first screen, for `navigate`. */
	screen?: string;
	/** The first screen's initial data, for `navigate`: a non-empty object when given. */
	data?: Record<string, unknown>;
}

/** Pictographic characters (emoji) are refused in a flow's button text. */
const EMOJI = /\p{Extended_Pictographic}/u;

export function flowMessage(content: FlowMessageContent, checks: RuleChecks): ContentPayload {
	checks.length('Body', content.body, MESSAGE_RULES.interactiveBody);
	checks.optionalLength('Header Text', content.header, MESSAGE_RULES.interactiveHeader);
	checks.optionalLength('Footer', content.footer, MESSAGE_RULES.interactiveFooter);
	const flowId = content.flowId.trim();
	if (!isFlowId(flowId))
		checks.add('Flow ID', `Flow ID must be the flow's numeric ID (got "${content.flowId}")`);
	checks.length('Button Text', content.cta, MESSAGE_RULES.flowCta);
	if (EMOJI.test(content.cta))
		checks.add('Button Text', 'Button Text of a flow must not contain emoji');
	checks.length('Flow Token', content.flowToken, MESSAGE_RULES.flowToken);
	const action = content.action ?? 'navigate';
	if (action === 'navigate') {
		checks.length('First Screen', content.screen?.trim(), MESSAGE_RULES.flowScreen);
		if (content.data !== undefined && Object.keys(content.data).length === 0)
			checks.add(
				'Screen Data',
				'Screen Data must be a JSON object with at least one field, or left empty',
			);
	}
	return {
		body: {
			type: 'interactive',
			interactive: {
				type: 'flow',
				...(content.header ? { header: { type: 'text', text: content.header } } : {}),
				body: { text: content.body },
				...(content.footer ? { footer: { text: content.footer } } : {}),
				action: {
					name: 'flow',
					parameters: {
						flow_message_version: '3',
						flow_token: content.flowToken,
						flow_id: flowId,
						flow_cta: content.cta,
						mode: content.mode ?? 'published',
						flow_action: action,
						...(action === 'navigate'
							? {
									flow_action_payload: {
										screen: content.screen?.trim(),
										...(content.data !== undefined ? { data: content.data } : {}),
									},
								}
							: {}),
					},
				},
			},
		},
	};
}
