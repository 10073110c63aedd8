/** The header of a template: none, text with at most one variable, a media file with its sample, or a location. */
import type { INodeProperties } from 'n8n-workflow';

import { TEMPLATE_RULES } from '../../../domain/rules/templates';
import { MEDIA_HEADERS, NOT_AUTHENTICATION } from './categories';

export const headerFields: INodeProperties[] = [
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
		displayOptions: NOT_AUTHENTICATION,
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		description: `At most ${TEMPLATE_RULES.headerText.max} characters and at most one variable`,
		displayOptions: { show: { headerFormat: ['TEXT'] }, hide: NOT_AUTHENTICATION.hide },
	},
	{
		displayName: 'Header Variable Sample',
		name: 'headerTextSample',
		type: 'string',
		default: '',
		description: 'An example value for the header variable; Meta reviews the template with it',
		displayOptions: { show: { headerFormat: ['TEXT'] }, hide: NOT_AUTHENTICATION.hide },
	},
	{
		displayName: 'Header Sample From',
		name: 'headerSampleSource',
		type: 'options',
		default: 'url',
		options: [
			{ name: 'URL', value: 'url', description: 'A public link to a sample file' },
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A file in this item, uploaded with the resumable upload',
			},
		],
		description: 'Meta needs a sample of the header media to review the template',
		displayOptions: { show: { headerFormat: MEDIA_HEADERS }, hide: NOT_AUTHENTICATION.hide },
	},
	{
		displayName: 'Header Sample URL',
		name: 'headerSampleUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/sample.jpg',
		description: 'A public link to a sample of the header media',
		displayOptions: {
			show: { headerFormat: MEDIA_HEADERS, headerSampleSource: ['url'] },
			hide: NOT_AUTHENTICATION.hide,
		},
	},
	{
		displayName: 'Header Sample Input Binary Field',
		name: 'headerSampleBinaryProperty',
		type: 'string',
		default: 'data',
		hint: 'The name of the input binary field containing the sample file',
		description: 'The sample file is uploaded first and its handle is sent with the template',
		displayOptions: {
			show: { headerFormat: MEDIA_HEADERS, headerSampleSource: ['binary'] },
			hide: NOT_AUTHENTICATION.hide,
		},
	},
];
