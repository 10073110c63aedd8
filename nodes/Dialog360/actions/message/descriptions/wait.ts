/** The fields of Send and Wait for Response: what is asked, how it is answered, how long to wait. */
import type { INodeProperties } from 'n8n-workflow';

import { MESSAGE_RULES } from '../../../domain/rules/messages';
import { optionsCollection } from '../../descriptions/collections';
import { defaultCountryOption } from '../../descriptions/sending';
import { flowCtaField, flowDataField, flowIdField, flowModeField, flowScreenField } from './flow';

const approval = { show: { responseType: ['approval'] } };
const form = { show: { responseType: ['form'] } };

/**
 * n8n's WaitTracker looks for due waits once a minute (a 60 s interval over the waits due within the
 * next 70 s; packages/cli/src/wait-tracker.ts). n8n's Wait node sleeps in its own process for waits
 * under 65 s instead, but an execution that sleeps is not waiting and no answer could resume it, so
 * Send and Wait always waits in n8n, as n8n's own send-and-wait nodes do.
 */
const LATE_BY_UP_TO_A_MINUTE =
	'n8n looks for due waits once a minute: without an answer, the execution continues up to a minute after this time';

export const waitFields: INodeProperties[] = [
	{
		displayName:
			'The answer arrives through the 360dialog Trigger of this number: keep a workflow with that trigger active (your chatbot, or one whose trigger has no events selected). The trigger hands the answer to this execution and does not start a workflow for it.',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description:
					'Reply buttons in the chat; the output says which one was tapped, by whom and when',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description:
					"The contact's next text message is the answer (or their reply to this message, when several questions wait)",
			},
			{
				name: 'Form (WhatsApp Flow)',
				value: 'form',
				description:
					'A button that opens a form (a WhatsApp Flow) inside the chat; the output has the submitted fields',
			},
		],
		description: 'How the contact answers, inside WhatsApp',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Refund of 25.00 EUR for order #1042?',
		description: `The question. At most ${MESSAGE_RULES.interactiveBody.max} characters with buttons (Approval) or a form (Form), ${MESSAGE_RULES.text.max} as text (Free Text). Sent within the 24-hour window of the contact, like any free-form message.`,
	},
	// The flow fields of Send's Flow type: one parameter, one type, whichever operation shows it.
	...[
		{
			...flowIdField,
			description: `${flowIdField.description} Its last screen must complete the flow with a payload that returns the fields: they are the answer.`,
		},
		{ ...flowCtaField, default: 'Open form' },
		flowScreenField,
		flowDataField,
		flowModeField,
	].map((field) => ({ ...field, displayOptions: form })),
	{
		displayName: 'Type of Approval',
		name: 'approvalType',
		type: 'options',
		default: 'double',
		options: [
			{ name: 'Approve Only', value: 'single', description: 'One button' },
			{ name: 'Approve and Decline', value: 'double', description: 'Two buttons' },
		],
		displayOptions: approval,
	},
	{
		displayName: 'Approve Button Label',
		name: 'approveLabel',
		type: 'string',
		default: '✓ Approve',
		description: `At most ${MESSAGE_RULES.replyButtonTitle.max} characters`,
		displayOptions: approval,
	},
	{
		displayName: 'Decline Button Label',
		name: 'declineLabel',
		type: 'string',
		default: '✗ Decline',
		description: `At most ${MESSAGE_RULES.replyButtonTitle.max} characters; must differ from the approve label`,
		displayOptions: { show: { responseType: ['approval'], approvalType: ['double'] } },
	},
	{
		displayName: 'Limit Wait Time',
		name: 'limitWaitTime',
		type: 'boolean',
		default: false,
		description:
			'Whether to stop waiting at some point; the execution then continues with an item whose timedOut is true',
	},
	{
		displayName: 'Limit Type',
		name: 'limitType',
		type: 'options',
		default: 'afterTimeInterval',
		options: [
			{ name: 'After Time Interval', value: 'afterTimeInterval' },
			{ name: 'At Specified Time', value: 'atSpecifiedTime' },
		],
		displayOptions: { show: { limitWaitTime: [true] } },
	},
	{
		displayName: 'Amount',
		name: 'resumeAmount',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'How long to wait for the answer',
		hint: LATE_BY_UP_TO_A_MINUTE,
		displayOptions: { show: { limitWaitTime: [true], limitType: ['afterTimeInterval'] } },
	},
	{
		displayName: 'Unit',
		name: 'resumeUnit',
		type: 'options',
		default: 'hours',
		options: [
			{ name: 'Seconds', value: 'seconds' },
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
		displayOptions: { show: { limitWaitTime: [true], limitType: ['afterTimeInterval'] } },
	},
	{
		displayName: 'Max Date and Time',
		name: 'maxDateAndTime',
		type: 'dateTime',
		default: '',
		description: 'Continue without an answer at this time',
		hint: LATE_BY_UP_TO_A_MINUTE,
		displayOptions: { show: { limitWaitTime: [true], limitType: ['atSpecifiedTime'] } },
	},
	optionsCollection([
		defaultCountryOption,
		{
			displayName: 'Footer',
			name: 'footer',
			type: 'string',
			default: '',
			description: `Small grey text under an approval or form question, at most ${MESSAGE_RULES.interactiveFooter.max} characters`,
		},
	]),
];
