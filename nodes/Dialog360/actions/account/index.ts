import type { INodeProperties } from 'n8n-workflow';

import * as getHealth from './getHealth.operation';
import * as getWebhookConfiguration from './getWebhookConfiguration.operation';

export { getHealth, getWebhookConfiguration };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Health',
				value: 'getHealth',
				description:
					'Whether the number can send messages, and which account or setting blocks it and why',
				action: 'Get the health of the number',
			},
			{
				name: 'Get Webhook Configuration',
				value: 'getWebhookConfiguration',
				description:
					"Where 360dialog sends the number's events (header names only), and whether that is this n8n's trigger",
				action: 'Get the webhook configuration',
			},
		],
		default: 'getHealth',
	},
	...getHealth.description,
	...getWebhookConfiguration.description,
];
