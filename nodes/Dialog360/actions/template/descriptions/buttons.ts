/**
 * The buttons of a template: the button type comes first, and each type shows only its own fields
 * (quick reply: text; URL: text, URL and sample; phone number: text and number; copy code: example;
 * request contact info: nothing, WhatsApp writes its label; flow: text, the flow by ID or name,
 * its action and first screen).
 */
import type { INodeProperties } from 'n8n-workflow';

import { MESSAGE_RULES } from '../../../domain/rules/messages';
import { TEMPLATE_BUTTON_RULES, TEMPLATE_RULES } from '../../../domain/rules/templates';
import { sortableList } from '../../descriptions/collections';
import { NOT_AUTHENTICATION } from './categories';

const { perType, categories } = TEMPLATE_BUTTON_RULES;

const forTypes = (...types: string[]) => ({ show: { type: types } });

/** The fields of a URL or phone-number button; Submit From Library's button inputs use them too. */
export const buttonUrlField: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/order/{{1}}',
	description: `The link, at most ${TEMPLATE_RULES.buttonUrl.max} characters; one variable is allowed, at the very end`,
	displayOptions: forTypes('URL'),
};

export const buttonUrlSampleField: INodeProperties = {
	displayName: 'URL Sample',
	name: 'urlSample',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/order/123',
	description:
		'The full URL with an example in place of the variable (needed when the URL has one)',
	displayOptions: forTypes('URL'),
};

export const buttonPhoneField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	placeholder: 'e.g. +4930123456',
	description: `The number the button calls, with its country code, at most ${TEMPLATE_RULES.buttonPhone.max} characters`,
	displayOptions: forTypes('PHONE_NUMBER'),
};

export const buttonsField: INodeProperties = sortableList(
	{
		displayName: 'Buttons',
		name: 'buttons',
		description: `At most ${TEMPLATE_BUTTON_RULES.total.max} buttons: quick replies (kept together), up to ${perType.URL.max} URL, ${perType.PHONE_NUMBER.max} phone number, ${perType.COPY_CODE.max} copy-code, ${perType.REQUEST_CONTACT_INFO.max} request-contact-info and ${perType.FLOW.max} flow button`,
		displayOptions: NOT_AUTHENTICATION,
	},
	{ displayName: 'Button', name: 'button' },
	[
		{
			displayName: 'Button Type',
			name: 'type',
			type: 'options',
			default: 'QUICK_REPLY',
			options: [
				{
					name: 'Copy Code',
					value: 'COPY_CODE',
					description: `Copies a code such as a coupon (${categories.COPY_CODE?.join(' and ').toLowerCase()} templates only)`,
				},
				{
					name: 'Flow',
					value: 'FLOW',
					description: 'Opens a WhatsApp Flow (a form) built in WhatsApp Manager',
				},
				{
					name: 'Phone Number',
					value: 'PHONE_NUMBER',
					description: 'Calls a number',
				},
				{
					name: 'Quick Reply',
					value: 'QUICK_REPLY',
					description: 'Sends its text back to you as a reply',
				},
				{
					name: 'Request Contact Info',
					value: 'REQUEST_CONTACT_INFO',
					description: `Asks a contact who hides their number behind a username to share it; WhatsApp writes the label (${categories.REQUEST_CONTACT_INFO?.join(' and ').toLowerCase()} templates only)`,
				},
				{
					name: 'URL',
					value: 'URL',
					description: 'Opens a link',
				},
			],
			description: 'What the button does; each type shows its own fields',
		},
		{
			displayName: 'Example Code',
			name: 'example',
			type: 'string',
			default: '',
			placeholder: 'e.g. SAVE10',
			description: `An example of the code the button copies, at most ${TEMPLATE_RULES.couponExample.max} characters; the real code is given when sending`,
			displayOptions: forTypes('COPY_CODE'),
		},
		{
			displayName: 'Flow ID',
			name: 'flowId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234567890123456',
			description:
				"The flow's numeric ID from WhatsApp Manager (Account tools › Flows); or leave empty and give its Flow Name",
			displayOptions: forTypes('FLOW'),
		},
		{
			displayName: 'Flow Name',
			name: 'flowName',
			type: 'string',
			default: '',
			description: "The flow's name, instead of its ID (give one of them)",
			displayOptions: forTypes('FLOW'),
		},
		{
			displayName: 'Flow Action',
			name: 'flowAction',
			type: 'options',
			default: 'navigate',
			options: [
				{ name: 'Navigate', value: 'navigate', description: 'Opens the first screen' },
				{
					name: 'Data Exchange',
					value: 'data_exchange',
					description: "Asks the flow's endpoint for the first screen",
				},
			],
			displayOptions: forTypes('FLOW'),
		},
		{
			displayName: 'First Screen',
			name: 'navigateScreen',
			type: 'string',
			default: '',
			placeholder: 'e.g. LEAD_FORM',
			description: `The ID of the screen the flow opens on (for Navigate), at most ${MESSAGE_RULES.flowScreen.max} characters`,
			displayOptions: forTypes('FLOW'),
		},
		buttonPhoneField,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			default: '',
			description: `The button's label, at most ${TEMPLATE_RULES.buttonText.max} characters`,
			displayOptions: forTypes('QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'FLOW'),
		},
		buttonUrlField,
		buttonUrlSampleField,
	],
);
