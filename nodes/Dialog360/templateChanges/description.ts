/**
 * The Template Changes trigger's parameters. Why it polls instead of listening to a webhook:
 * WhatsApp's template events (message_template_status_update, message_template_quality_update,
 * template_category_update) do not follow a number's or a WhatsApp Business Account's own webhook
 * URL; Meta always sends them to the app's callback URL
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/override/),
 * and 360dialog passes template status changes on to its partners' webhook, set with a partner key
 * (https://docs.360dialog.com/partner/partner-api/api-reference/webhook-management). A number's
 * webhook carries messages, statuses and errors
 * (https://docs.360dialog.com/docs/resources/webhook-events-and-notifications).
 */
import type { INodeProperties } from 'n8n-workflow';

import { TEMPLATE_CHANGES, type TemplateChange } from '../domain/templates';

const CHANGE_NAMES: Record<Exclude<TemplateChange, 'unchanged'>, [string, string]> = {
	new: ['New', 'A template that was not there at the previous poll'],
	status_changed: ['Status Changed', 'Approved, rejected, paused, disabled… (see previousStatus)'],
	category_changed: [
		'Category Changed',
		'Meta moved it to another category, such as Utility to Marketing (see previousCategory)',
	],
	quality_changed: ['Quality Changed', 'Its quality rating changed (see previousQuality)'],
	updated: ['Content Edited', 'Its text, buttons or header changed'],
	removed: ['Deleted', 'A template that is no longer in the list'],
};

export const templateChangesProperties: INodeProperties[] = [
	{
		displayName:
			"Emits one item per template that changed since the previous poll, in Template › Sync's fields. When the workflow is activated, the first poll only records the templates (it emits nothing); later polls emit what changed, also what changed while n8n was stopped. A manual test shows the changes since the last scheduled poll where n8n gives it that state, else every template as sample data, and never changes what the next poll compares with. It polls because 360dialog passes template events (approved, rejected, paused, quality, category) only to a partner's webhook, not to your number's.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Changes',
		name: 'changes',
		type: 'multiOptions',
		default: [],
		description: 'Which changes to emit; none chosen emits every kind',
		options: TEMPLATE_CHANGES.map((value) => ({
			name: CHANGE_NAMES[value][0],
			value,
			description: CHANGE_NAMES[value][1],
		})),
	},
];
