/**
 * The inputs a library template's buttons ask for (Meta "Template Library", library template button
 * inputs): a URL button takes your link, a phone-number button your number, an OTP button its type
 * and, for one-tap and zero-tap, your Android app. Quick-reply and flow buttons take none.
 */
import type { INodeProperties } from 'n8n-workflow';

import { AUTHENTICATION_RULES } from '../../../domain/rules/templates';
import { enumLabel } from '../../descriptions/common';
import { sortableList } from '../../descriptions/collections';
import { buttonPhoneField, buttonUrlField, buttonUrlSampleField } from './buttons';

const forOtpTypes = (...otpTypes: string[]) => ({ show: { type: ['OTP'], otpType: otpTypes } });

export const libraryButtonInputsField: INodeProperties = sortableList(
	{
		displayName: 'Button Inputs',
		name: 'buttonInputs',
		description:
			"One input for each URL, phone-number or OTP button of the library template (Browse Library shows what each button needs). The template's text and button labels are fixed.",
	},
	{ displayName: 'Button Input', name: 'buttonInput' },
	[
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'URL',
			options: [
				{ name: 'OTP', value: 'OTP', description: 'The code button of an authentication template' },
				{
					name: 'Phone Number',
					value: 'PHONE_NUMBER',
					description: 'Your number the button calls',
				},
				{ name: 'URL', value: 'URL', description: 'Your link the button opens' },
			],
			description: 'The kind of library button this input is for',
		},
		buttonUrlField,
		buttonUrlSampleField,
		buttonPhoneField,
		{
			displayName: 'OTP Type',
			name: 'otpType',
			type: 'options',
			default: 'COPY_CODE',
			options: AUTHENTICATION_RULES.otpTypes.map((value) => ({ name: enumLabel(value), value })),
			description:
				'Copy code copies the code; one-tap and zero-tap fill it into your Android app, which they name below',
			displayOptions: { show: { type: ['OTP'] } },
		},
		{
			displayName: 'Package Name',
			name: 'packageName',
			type: 'string',
			default: '',
			placeholder: 'e.g. com.example.app',
			description: 'The Android app that receives the code',
			displayOptions: forOtpTypes('ONE_TAP', 'ZERO_TAP'),
		},
		{
			displayName: 'Signature Hash',
			name: 'signatureHash',
			type: 'string',
			default: '',
			description: "The app's signing key hash",
			displayOptions: forOtpTypes('ONE_TAP', 'ZERO_TAP'),
		},
		{
			displayName: 'Zero-Tap Terms Accepted',
			name: 'zeroTapTermsAccepted',
			type: 'boolean',
			default: false,
			description: "Whether you accept Meta's terms for zero-tap codes (required for zero-tap)",
			displayOptions: forOtpTypes('ZERO_TAP'),
		},
	],
);
