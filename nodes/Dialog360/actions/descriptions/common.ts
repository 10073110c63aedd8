/** Field sets used by several operations; each operation puts its own conditions on them. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	TEMPLATE_CATEGORIES,
	TEMPLATE_LANGUAGES,
	TEMPLATE_STATUSES,
} from '../../domain/rules/templates';

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** n8n's Return All and Limit pair for operations that list. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** A template picked from the API's list or written as name|language (the pair identifies it). */
export function templateLocatorField(
	searchListMethod: 'searchApprovedTemplates' | 'searchAllTemplates',
	description: string,
): INodeProperties {
	return {
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By Name and Language',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. order_update|en_US',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[a-z0-9_]+\\s*\\|\\s*[A-Za-z_]+\\s*$',
							errorMessage: 'Write the template as name|language, e.g. order_update|en_US',
						},
					},
				],
			},
		],
	};
}

export function mediaIdField(description: string): INodeProperties {
	return {
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		description,
	};
}

/** "PENDING_DELETION" → "Pending deletion": a label for an enum value. */
export function enumLabel(value: string): string {
	const words = value.replace(/_/g, ' ').toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

export const TEMPLATE_LANGUAGE_OPTIONS: INodePropertyOptions[] = TEMPLATE_LANGUAGES.map(
	(language) => ({ name: `${language.label} (${language.code})`, value: language.code }),
);

export const TEMPLATE_STATUS_OPTIONS: INodePropertyOptions[] = TEMPLATE_STATUSES.map((status) => ({
	name: enumLabel(status),
	value: status,
}));

/** The categories with what each is for; the values come from the rule table. */
const CATEGORY_PURPOSE: Record<(typeof TEMPLATE_CATEGORIES)[number], string> = {
	AUTHENTICATION: 'One-time passcodes; the text is fixed by WhatsApp',
	MARKETING: 'Offers, announcements, anything promotional',
	UTILITY: 'Updates about an order, account or booking the contact asked for',
};

export const TEMPLATE_CATEGORY_OPTIONS: INodePropertyOptions[] = [...TEMPLATE_CATEGORIES]
	.sort()
	.map((category) => ({
		name: enumLabel(category),
		value: category,
		description: CATEGORY_PURPOSE[category],
	}));
