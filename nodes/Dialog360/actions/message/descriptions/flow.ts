/**
 * The fields of a flow message (a button that opens a WhatsApp Flow, a form, in the chat). Body,
 * Header Text and Footer are the interactive fields every interactive type shares (interactive.ts).
 */
import type { INodeProperties } from 'n8n-workflow';

import { MESSAGE_RULES } from '../../../domain/rules/messages';
import { forTypes } from './messageTypes';

const FLOW = forTypes(['flow']);
const NAVIGATE = { show: { messageType: ['flow'], flowAction: ['navigate'] } };

/** The Flow ID: picked from the number's flows or written as the ID WhatsApp Manager shows. */
export const flowIdField: INodeProperties = {
	displayName: 'Flow',
	name: 'flowId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The flow to open. Build and publish it in WhatsApp Manager (Account tools › Flows); its ID is the number shown there.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchFlows', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1234567890123456',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\d+\\s*$',
						errorMessage: "Write the flow's numeric ID, e.g. 1234567890123456",
					},
				},
			],
		},
	],
	displayOptions: FLOW,
};

export const flowCtaField: INodeProperties = {
	displayName: 'Button Text',
	name: 'flowCta',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Open form',
	description: `The button that opens the form, at most ${MESSAGE_RULES.flowCta.max} characters, no emoji`,
	displayOptions: FLOW,
};

export const flowModeField: INodeProperties = {
	displayName: 'Mode',
	name: 'flowMode',
	type: 'options',
	default: 'published',
	options: [
		{ name: 'Published', value: 'published', description: 'The flow as published' },
		{
			name: 'Draft',
			value: 'draft',
			description: 'The unpublished draft, for testing with your own numbers',
		},
	],
	displayOptions: FLOW,
};

export const flowScreenField: INodeProperties = {
	displayName: 'First Screen',
	name: 'flowScreen',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. LEAD_FORM',
	description: `The ID of the screen the form opens on, as written in the flow's JSON (at most ${MESSAGE_RULES.flowScreen.max} characters)`,
	displayOptions: NAVIGATE,
};

export const flowDataField: INodeProperties = {
	displayName: 'Screen Data (JSON)',
	name: 'flowData',
	type: 'json',
	default: '',
	description:
		'Optional data for the first screen, as a JSON object with at least one field, e.g. { "name": "Ada" }. Leave empty for none.',
	displayOptions: NAVIGATE,
};

export const flowFields: INodeProperties[] = [
	flowIdField,
	flowCtaField,
	flowModeField,
	{
		displayName: 'Flow Token',
		name: 'flowReference', // not "…Token": n8n's lint would take it for a secret and hide it
		type: 'string',
		default: '',
		description: `Comes back with the answer, so you can match it to this send. Leave empty and the node makes one (returned as flowToken). At most ${MESSAGE_RULES.flowToken.max} characters.`,
		displayOptions: FLOW,
	},
	{
		displayName: 'Flow Action',
		name: 'flowAction',
		type: 'options',
		default: 'navigate',
		options: [
			{
				name: 'Navigate',
				value: 'navigate',
				description: 'Opens the first screen, with the data you give it',
			},
			{
				name: 'Data Exchange',
				value: 'data_exchange',
				description: "Asks the flow's endpoint for the first screen and its data",
			},
		],
		displayOptions: FLOW,
	},
	flowScreenField,
	flowDataField,
];
