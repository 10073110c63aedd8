/** The contact cards of a contacts message. */
import type { INodeProperties } from 'n8n-workflow';

import { forTypes } from './messageTypes';

export const contactsFields: INodeProperties[] = [
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact',
		default: {},
		description: 'The contact cards to send',
		displayOptions: forTypes(['contacts']),
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{
						displayName: 'Birthday',
						name: 'birthday',
						type: 'string',
						default: '',
						placeholder: 'YYYY-MM-DD',
						description: 'The birthday as YYYY-MM-DD',
					},
					{
						displayName: 'Company',
						name: 'company',
						type: 'string',
						default: '',
						description: 'The organisation',
					},
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						default: '',
						placeholder: 'e.g. name@email.com',
						description: 'An email address on the card',
					},
					{
						displayName: 'First Name',
						name: 'firstName',
						type: 'string',
						default: '',
						description: 'Given name',
					},
					{
						displayName: 'Formatted Name',
						name: 'formattedName',
						type: 'string',
						default: '',
						required: true,
						description: 'The full name as shown on the card',
					},
					{
						displayName: 'Last Name',
						name: 'lastName',
						type: 'string',
						default: '',
						description: 'Family name',
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: 'e.g. +447700900123',
						description: 'A phone number on the card',
					},
					{
						displayName: 'Phone WhatsApp ID',
						name: 'waId',
						type: 'string',
						default: '',
						description: "The wa_id of that number, which adds a 'Message' button to the card",
					},
					{
						displayName: 'Website',
						name: 'url',
						type: 'string',
						default: '',
						description: 'A web address on the card',
					},
				],
			},
		],
	},
];
