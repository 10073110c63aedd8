/** The fields of reply buttons, a list and a CTA URL button: the text frame they share, and their own. */
import type { INodeProperties } from 'n8n-workflow';

import { MESSAGE_COUNT_RULES, MESSAGE_RULES } from '../../../domain/rules/messages';
import { sortableList } from '../../descriptions/collections';
import { BODY_TYPES, forTypes, INTERACTIVE_TYPES } from './messageTypes';

export const interactiveFields: INodeProperties[] = [
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: `The message text above the buttons, at most ${MESSAGE_RULES.interactiveBody.max} characters`,
		displayOptions: forTypes(BODY_TYPES),
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		description: `Optional bold line above the body, at most ${MESSAGE_RULES.interactiveHeader.max} characters`,
		displayOptions: forTypes(INTERACTIVE_TYPES),
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
		description: `Optional grey line under the body, at most ${MESSAGE_RULES.interactiveFooter.max} characters`,
		displayOptions: forTypes(INTERACTIVE_TYPES),
	},
	sortableList(
		{
			displayName: 'Buttons',
			name: 'buttons',
			description: `${MESSAGE_COUNT_RULES.replyButtons.min} to ${MESSAGE_COUNT_RULES.replyButtons.max} buttons with unique titles; the ID comes back in the reply event`,
			displayOptions: forTypes(['replyButtons']),
		},
		{ displayName: 'Button', name: 'button' },
		[
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				required: true,
				description: `At most ${MESSAGE_RULES.replyButtonTitle.max} characters`,
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				default: '',
				required: true,
				description: `Your ID for this choice, at most ${MESSAGE_RULES.replyButtonId.max} characters`,
			},
		],
	),
	{
		displayName: 'List Button Text',
		name: 'listButton',
		type: 'string',
		required: true,
		default: 'Options',
		description: `The button that opens the list, at most ${MESSAGE_RULES.listButton.max} characters`,
		displayOptions: forTypes(['list']),
	},
	sortableList(
		{
			displayName: 'Rows',
			name: 'rows',
			description: `At most ${MESSAGE_COUNT_RULES.listRows.max} rows in all. Rows with the same Section Title are grouped; with more than one section every row needs one.`,
			displayOptions: forTypes(['list']),
		},
		{ displayName: 'Row', name: 'row' },
		[
			{
				displayName: 'Section Title',
				name: 'section',
				type: 'string',
				default: '',
				description: `At most ${MESSAGE_RULES.listSectionTitle.max} characters; leave empty for a list with one section`,
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				required: true,
				description: `At most ${MESSAGE_RULES.listRowTitle.max} characters`,
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				default: '',
				required: true,
				description: `Your ID for this row, at most ${MESSAGE_RULES.listRowId.max} characters`,
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: `At most ${MESSAGE_RULES.listRowDescription.max} characters`,
			},
		],
	),
	{
		displayName: 'Button Text',
		name: 'ctaDisplayText',
		type: 'string',
		required: true,
		default: '',
		description: `The button label, at most ${MESSAGE_RULES.ctaDisplayText.max} characters`,
		displayOptions: forTypes(['ctaUrl']),
	},
	{
		displayName: 'Button URL',
		name: 'ctaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/order/123',
		description: 'The link the button opens',
		displayOptions: forTypes(['ctaUrl']),
	},
];
