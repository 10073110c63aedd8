import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	AUTHENTICATION_RULES,
	TEMPLATE_BUTTON_RULES,
	TEMPLATE_RULES,
} from '../../domain/rules';
import {
	buildTemplateSubmission,
	withHeaderHandle,
	type HeaderFormat,
	type ParameterFormat,
	type TemplateButtonInput,
} from '../../domain/templateSubmission';
import { normalizeStatus } from '../../domain/templates';
import { textOf } from '../../domain/values';
import { apiRequest } from '../../transport/request';
import { resumableUpload } from '../../transport/uploads';
import { readText, TEMPLATE_LANGUAGE_OPTIONS } from '../common.descriptions';
import { assertNoViolations } from '../validation';

const show = { resource: ['template'], operation: ['submit'] };
const notAuthentication = { show, hide: { category: ['AUTHENTICATION'] } };
const authenticationOnly = { show: { ...show, category: ['AUTHENTICATION'] } };
const MEDIA_HEADERS = ['IMAGE', 'VIDEO', 'DOCUMENT'];

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_confirmation',
		description: `Lowercase letters a–z, digits and _, at most ${TEMPLATE_RULES.name.max} characters. A deleted name cannot be used again for about 30 days.`,
		displayOptions: { show },
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		default: 'UTILITY',
		options: [
			{ name: 'Authentication', value: 'AUTHENTICATION', description: 'One-time passcodes; the text is fixed by WhatsApp' },
			{ name: 'Marketing', value: 'MARKETING', description: 'Offers, announcements, anything promotional' },
			{ name: 'Utility', value: 'UTILITY', description: 'Updates about an order, account or booking the contact asked for' },
		],
		description: 'What the template is for; Meta checks the content against it',
		displayOptions: { show },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		default: 'en_US',
		options: TEMPLATE_LANGUAGE_OPTIONS,
		description: 'The language of this version of the template; a code missing from the list can be given with an expression',
		displayOptions: { show },
	},
	{
		displayName: 'Allow Category Change',
		name: 'allowCategoryChange',
		type: 'boolean',
		default: true,
		description: 'Whether Meta may move the template to the category it finds right instead of rejecting it',
		displayOptions: { show },
	},
	{
		displayName: 'Parameter Format',
		name: 'parameterFormat',
		type: 'options',
		default: 'POSITIONAL',
		options: [
			{ name: 'Positional', value: 'POSITIONAL', description: 'Variables numbered {{1}}, {{2}}…' },
			{ name: 'Named', value: 'NAMED', description: 'Variables such as {{first_name}}' },
		],
		description: 'How variables are written in the header and body',
		displayOptions: notAuthentication,
	},
	{
		displayName: 'Header',
		name: 'headerFormat',
		type: 'options',
		default: 'NONE',
		options: [
			{ name: 'Document', value: 'DOCUMENT' },
			{ name: 'Image', value: 'IMAGE' },
			{ name: 'Location', value: 'LOCATION', description: 'Marketing and utility templates only' },
			{ name: 'None', value: 'NONE' },
			{ name: 'Text', value: 'TEXT' },
			{ name: 'Video', value: 'VIDEO' },
		],
		description: 'An optional header above the body',
		displayOptions: notAuthentication,
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		description: `At most ${TEMPLATE_RULES.headerText.max} characters and at most one variable`,
		displayOptions: { show: { ...show, headerFormat: ['TEXT'] }, hide: notAuthentication.hide },
	},
	{
		displayName: 'Header Variable Sample',
		name: 'headerTextSample',
		type: 'string',
		default: '',
		description: 'An example value for the header variable; Meta reviews the template with it',
		displayOptions: { show: { ...show, headerFormat: ['TEXT'] }, hide: notAuthentication.hide },
	},
	{
		displayName: 'Header Sample From',
		name: 'headerSampleSource',
		type: 'options',
		default: 'url',
		options: [
			{ name: 'URL', value: 'url', description: 'A public link to a sample file' },
			{ name: 'Binary File', value: 'binary', description: 'A file in this item, uploaded with the resumable upload' },
		],
		description: 'Meta needs a sample of the header media to review the template',
		displayOptions: { show: { ...show, headerFormat: MEDIA_HEADERS }, hide: notAuthentication.hide },
	},
	{
		displayName: 'Header Sample URL',
		name: 'headerSampleUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/sample.jpg',
		description: 'A public link to a sample of the header media',
		displayOptions: { show: { ...show, headerFormat: MEDIA_HEADERS, headerSampleSource: ['url'] }, hide: notAuthentication.hide },
	},
	{
		displayName: 'Header Sample Binary Field',
		name: 'headerSampleBinaryProperty',
		type: 'string',
		default: 'data',
		hint: 'The name of the input binary field containing the sample file',
		description: 'The sample file is uploaded first and its handle is sent with the template',
		displayOptions: { show: { ...show, headerFormat: MEDIA_HEADERS, headerSampleSource: ['binary'] }, hide: notAuthentication.hide },
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. Hi {{1}}, your order {{2}} ships today.',
		description: `The message, at most ${TEMPLATE_RULES.body.max} characters. Variables are numbered from {{1}} without gaps (or named), never at the very start or end, never side by side.`,
		displayOptions: notAuthentication,
	},
	{
		displayName: 'Body Variable Samples',
		name: 'bodySamples',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Sample' },
		default: [],
		description: 'One example value per body variable, in order ({{1}}, {{2}}… or the named variables as they first appear)',
		displayOptions: notAuthentication,
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
		description: `Optional grey line, at most ${TEMPLATE_RULES.footer.max} characters, no variables`,
		displayOptions: notAuthentication,
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description: `At most ${TEMPLATE_BUTTON_RULES.total.max} buttons: quick replies (kept together), up to ${TEMPLATE_BUTTON_RULES.perType.URL.max} URL, ${TEMPLATE_BUTTON_RULES.perType.PHONE_NUMBER.max} phone number and ${TEMPLATE_BUTTON_RULES.perType.COPY_CODE.max} copy-code (marketing) button`,
		displayOptions: notAuthentication,
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
						placeholder: 'e.g.	+4930123456',
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
						description: 'The link;	one variable is allowed, at the very end',
					},
					{
						displayName: 'URL Sample',
						name: 'urlSample',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/order/123',
						description: 'The full URL with an example in place of the variable (needed when the URL has one)',
					},
			],
			},
		],
	},
	{
		displayName: 'Add Security Recommendation',
		name: 'addSecurityRecommendation',
		type: 'boolean',
		default: true,
		description: 'Whether the message adds "For your security, do not share this code."',
		displayOptions: authenticationOnly,
	},
	{
		displayName: 'Code Expiration Minutes',
		name: 'codeExpirationMinutes',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: AUTHENTICATION_RULES.codeExpirationMinutes.max },
		default: 10,
		description: `Shown as "This code expires in N minutes", ${AUTHENTICATION_RULES.codeExpirationMinutes.min} to ${AUTHENTICATION_RULES.codeExpirationMinutes.max}; 0 leaves the line out`,
		displayOptions: authenticationOnly,
	},
	{
		displayName: 'OTP Button',
		name: 'otpType',
		type: 'options',
		default: 'COPY_CODE',
		options: [
			{ name: 'Copy Code', value: 'COPY_CODE' },
			{ name: 'One-Tap Autofill', value: 'ONE_TAP', description: 'Android apps that declared the handshake' },
			{ name: 'Zero-Tap', value: 'ZERO_TAP', description: 'Android apps that declared the handshake' },
		],
		description: 'How the contact gets the code into your app',
		displayOptions: authenticationOnly,
	},
	{
		displayName: 'OTP Button Text',
		name: 'otpButtonText',
		type: 'string',
		default: '',
		description: 'Optional label; WhatsApp uses "Copy code" when empty',
		displayOptions: authenticationOnly,
	},
];

/** A button as the form (or an expression) gives it, every field read as text. */
function readButton(button: IDataObject): TemplateButtonInput {
	const field = (name: string) => (button[name] === undefined ? undefined : textOf(button[name]));
	return {
		type: textOf(button.type) as TemplateButtonInput['type'],
		text: field('text'),
		url: field('url'),
		urlSample: field('urlSample'),
		phoneNumber: field('phoneNumber'),
		example: field('example'),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const category = readText(this, 'category', itemIndex);
	const authentication = category.toUpperCase() === 'AUTHENTICATION';
	const headerFormat = (authentication ? 'NONE' : readText(this, 'headerFormat', itemIndex, 'NONE')) as HeaderFormat;
	const sampleFromFile = MEDIA_HEADERS.includes(headerFormat) && readText(this, 'headerSampleSource', itemIndex, 'url') === 'binary';
	const buttonList = authentication ? [] : (this.getNodeParameter('buttons', itemIndex, {}) as IDataObject).button;
	const buttons = (Array.isArray(buttonList) ? buttonList : []).map((button) => (typeof button === 'object' && button !== null ? (button as IDataObject) : { type: textOf(button) }));
	const samples = authentication ? [] : (this.getNodeParameter('bodySamples', itemIndex, []) as unknown[]);
	const minutes = authentication ? Number(this.getNodeParameter('codeExpirationMinutes', itemIndex, 0)) : 0;

	const built = buildTemplateSubmission({
		name: readText(this, 'name', itemIndex),
		category,
		language: readText(this, 'language', itemIndex),
		allowCategoryChange: this.getNodeParameter('allowCategoryChange', itemIndex, true) as boolean,
		parameterFormat: (authentication ? 'POSITIONAL' : readText(this, 'parameterFormat', itemIndex, 'POSITIONAL')) as ParameterFormat,
		header: {
			format: headerFormat,
			text: headerFormat === 'TEXT' ? readText(this, 'headerText', itemIndex) : undefined,
			textSample: headerFormat === 'TEXT' ? readText(this, 'headerTextSample', itemIndex) : undefined,
			mediaSample: sampleFromFile ? 'upload' : MEDIA_HEADERS.includes(headerFormat) ? readText(this, 'headerSampleUrl', itemIndex) : undefined,
		},
		body: authentication ? undefined : readText(this, 'body', itemIndex),
		bodySamples: (Array.isArray(samples) ? samples : [samples]).map(textOf),
		footer: authentication ? undefined : readText(this, 'footer', itemIndex),
		buttons: buttons.map(readButton),
		authentication: authentication
			? {
					addSecurityRecommendation: this.getNodeParameter('addSecurityRecommendation', itemIndex, true) as boolean,
					codeExpirationMinutes: minutes > 0 ? minutes : undefined,
					otpType: readText(this, 'otpType', itemIndex, 'COPY_CODE'),
					buttonText: readText(this, 'otpButtonText', itemIndex),
				}
			: undefined,
	});
	assertNoViolations(this, built.violations, itemIndex, 'WhatsApp template');

	let payload = built.payload;
	if (sampleFromFile) {
		const property = readText(this, 'headerSampleBinaryProperty', itemIndex, 'data');
		const binary = this.helpers.assertBinaryData(itemIndex, property);
		const data = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		const handle = await resumableUpload.call(this, { data, mimeType: binary.mimeType, fileName: binary.fileName }, itemIndex);
		payload = withHeaderHandle(payload, handle);
	}
	const response = await apiRequest.call(this, {
		method: 'POST',
		endpoint: 'templates',
		body: payload as IDataObject,
		idempotent: false, // a second submission of the same name and language is refused as a duplicate
		itemIndex,
	});
	return {
		id: (response.id as string | undefined) ?? null,
		name: (response.name as string | undefined) ?? (payload.name as string),
		language: (response.language as string | undefined) ?? (payload.language as string),
		category: textOf(response.category ?? payload.category).toUpperCase(),
		// Review can take up to 48 hours; List or Sync shows the outcome.
		status: normalizeStatus(response.status ?? 'PENDING'),
	};
}
