import type { INodeProperties } from 'n8n-workflow';

import * as markAsRead from './markAsRead.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendTemplate from './sendTemplate.operation';

export { markAsRead, send, sendAndWait, sendTemplate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Mark as Read',
				value: 'markAsRead',
				description:
					'Mark an inbound message as read (blue ticks), optionally with a typing indicator',
				action: 'Mark a message as read',
			},
			{
				name: 'Send',
				value: 'send',
				description:
					'Send text, media, a location, contacts, buttons, a list, a flow (form) or a reaction within the 24-hour window',
				action: 'Send a message',
			},
			{
				name: 'Send and Wait for Response',
				value: 'sendAndWait',
				description:
					'Ask a question with reply buttons or for a text answer, and pause the workflow until the contact answers in the chat',
				action: 'Send message and wait for response',
			},
			{
				name: 'Send Template',
				value: 'sendTemplate',
				description:
					'Send an approved template with its variables filled in; works outside the 24-hour window',
				action: 'Send a template message',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendAndWait.description,
	...sendTemplate.description,
	...markAsRead.description,
];
