/**
 * What version 1 of the action node offers: its resources and their operations' fields. A version 2
 * would be a new folder with its own versionDescription and router. The node's identity (name, icon,
 * version, credentials) stays in Dialog360.node.ts, where n8n's lint rules look for it.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as account from './account';
import * as contact from './contact';
import * as flow from './flow';
import * as media from './media';
import * as message from './message';
import * as profile from './profile';
import * as template from './template';

export const versionProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Flow', value: 'flow' },
			{ name: 'Media', value: 'media' },
			{ name: 'Message', value: 'message' },
			{ name: 'Profile', value: 'profile' },
			{ name: 'Template', value: 'template' },
		],
		default: 'message',
	},
	...message.description,
	...template.description,
	...media.description,
	...flow.description,
	...profile.description,
	...contact.description,
	...account.description,
];

/**
 * The canvas subtitle: the operation's action in words ("Send a template message"), looked up by
 * resource and operation, instead of their internal values.
 */
function subtitleExpression(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resource of (property.displayOptions?.show?.resource as string[]) ?? [])
			for (const option of (property.options ?? []) as INodePropertyOptions[])
				actions[`${resource}:${String(option.value)}`] = option.action ?? option.name;
	}
	return `={{ (${JSON.stringify(actions)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

export const subtitle = subtitleExpression(versionProperties);
