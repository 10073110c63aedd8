import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	API_KEY_HEADER,
	apiKeyOf,
	credentialExpression,
	ENVIRONMENTS,
} from '../nodes/Dialog360/domain/environments';

export class Dialog360Api implements ICredentialType {
	name = 'dialog360Api';

	displayName = '360dialog API';

	icon: Icon = { light: 'file:../icons/dialog360.svg', dark: 'file:../icons/dialog360.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-360dialog/n8n-nodes-360dialog#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The D360-API-KEY of one WhatsApp number. In the 360dialog Hub open the number, then "API Keys", and generate a key. A new key invalidates the previous one.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{
					name: ENVIRONMENTS.custom.label,
					value: 'custom',
					description:
						'Your own URL: a proxy in front of 360dialog, or a local emulator for development',
				},
				{
					name: ENVIRONMENTS.production.label,
					value: 'production',
					description: ENVIRONMENTS.production.baseUrl,
				},
				{
					name: ENVIRONMENTS.sandbox.label,
					value: 'sandbox',
					description: `${ENVIRONMENTS.sandbox.baseUrl} (messages, templates and webhook only)`,
				},
			],
			description: 'Which 360dialog API the key belongs to',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. http://127.0.0.1:8360',
			description: 'The URL that answers like https://waba-v2.360dialog.io',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	/**
	 * The key goes in the D360-API-KEY header of every request. A function rather than n8n's generic
	 * form (`'={{$credentials.apiKey}}'`): n8n evaluates a generic header as an expression on every
	 * request, which at a thousand sends per second was a tenth of the sender's CPU (docs/performance.md).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, [API_KEY_HEADER]: apiKeyOf(credentials) },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			// Custom has no base URL in the table, so it falls back to the URL typed in the credential.
			baseURL: credentialExpression((environment) => environment.baseUrl, '$credentials.baseUrl'),
			url: credentialExpression((environment) => environment.paths.healthStatus),
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'360dialog refused this API key (HTTP 401). Copy the current key of this number from the 360dialog Hub; generating a new key invalidates the old one.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'360dialog refused this API key for this endpoint (HTTP 403). Check that the number is active in the 360dialog Hub.',
				},
			},
		],
	};
}
