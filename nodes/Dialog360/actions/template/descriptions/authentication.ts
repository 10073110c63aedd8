/** The fixed form of an authentication template: security line, code expiry, the one-time-passcode button. */
import type { INodeProperties } from 'n8n-workflow';

import { AUTHENTICATION_RULES } from '../../../domain/rules/templates';
import { AUTHENTICATION_ONLY } from './categories';

export const authenticationFields: INodeProperties[] = [
	{
		displayName: 'Add Security Recommendation',
		name: 'addSecurityRecommendation',
		type: 'boolean',
		default: true,
		description: 'Whether the message adds "For your security, do not share this code."',
		displayOptions: AUTHENTICATION_ONLY,
	},
	{
		displayName: 'Code Expiration Minutes',
		name: 'codeExpirationMinutes',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: AUTHENTICATION_RULES.codeExpirationMinutes.max },
		default: 10,
		description: `Shown as "This code expires in N minutes", ${AUTHENTICATION_RULES.codeExpirationMinutes.min} to ${AUTHENTICATION_RULES.codeExpirationMinutes.max}; 0 leaves the line out`,
		displayOptions: AUTHENTICATION_ONLY,
	},
	{
		displayName: 'OTP Button',
		name: 'otpType',
		type: 'options',
		default: 'COPY_CODE',
		options: [
			{ name: 'Copy Code', value: 'COPY_CODE' },
			{
				name: 'One-Tap Autofill',
				value: 'ONE_TAP',
				description: 'Android apps that declared the handshake',
			},
			{
				name: 'Zero-Tap',
				value: 'ZERO_TAP',
				description: 'Android apps that declared the handshake',
			},
		],
		description: 'How the contact gets the code into your app',
		displayOptions: AUTHENTICATION_ONLY,
	},
	{
		displayName: 'OTP Button Text',
		name: 'otpButtonText',
		type: 'string',
		default: '',
		description: 'Optional label; WhatsApp uses "Copy code" when empty',
		displayOptions: AUTHENTICATION_ONLY,
	},
];
