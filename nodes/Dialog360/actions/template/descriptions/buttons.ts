/** The buttons of a template: quick replies, URL, phone number and copy-code, each with its own fields. */
import type { INodeProperties } from 'n8n-workflow';

import { TEMPLATE_BUTTON_RULES } from '../../../domain/rules';
import { NOT_AUTHENTICATION } from './categories';

export const buttonsField: INodeProperties = {
	displayName: 'Buttons',
	name: 'buttons',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Button',
	default: {},
	description: `At most ${TEMPLATE_BUTTON_RULES.total.max} buttons: quick replies (kept together), up to ${TEMPLATE_BUTTON_RULES.perType.URL.max} URL, ${TEMPLATE_BUTTON_RULES.perType.PHONE_NUMBER.max} phone number and ${TEMPLATE_BUTTON_RULES.perType.COPY_CODE.max} copy-code (marketing) button`,
	displayOptions: NOT_AUTHENTICATION,
	options: [
		{
			displayName: 'Button',
			name: 'button',
			values: [
				{
					displayName: 'Example Code',
					name: 'example',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Phone Number',
					name: 'phoneNumber',
					type: 'string',
					default: '',
					placeholder: 'e.g. +4930123456',
					description: 'The number the button calls, in international form',
				},
				{
					displayName: 'Text',
					name: 'text',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'QUICK_REPLY',
					options: [
						{
							name: 'Copy Code',
							value: 'COPY_CODE',
						},
						{
							name: 'Phone Number',
							value: 'PHONE_NUMBER',
						},
						{
							name: 'Quick Reply',
							value: 'QUICK_REPLY',
						},
						{
							name: 'URL',
							value: 'URL',
						},
					],
					description: 'What the button does',
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://example.com/order/{{1}}',
					description: 'The link; one variable is allowed, at the very end',
				},
				{
					displayName: 'URL Sample',
					name: 'urlSample',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://example.com/order/123',
					description:
						'The full URL with an example in place of the variable (needed when the URL has one)',
				},
			],
		},
	],
};
