import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { TEMPLATE_LANGUAGES } from '../domain/rules';
import { parseTemplateKey } from '../domain/templates';
import { textOf } from '../domain/values';

export function simplifyOption(show: { resource: string; operation: string }): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show: { resource: [show.resource], operation: [show.operation] } },
	};
}

export function wantsRawOutput(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('simplify', itemIndex, true) === false;
}

/** A template picked from the API's list or written as name|language (the pair identifies it). */
export function templateLocator(options: {
	searchListMethod: 'searchApprovedTemplates' | 'searchAllTemplates';
	description: string;
	show: { resource: string[]; operation: string[] };
}): INodeProperties {
	return {
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		displayOptions: { show: options.show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By Name and Language',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. order_update|en_US',
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*[a-z0-9_]+\\s*\\|\\s*[A-Za-z_]+\\s*$', errorMessage: 'Write the template as name|language, e.g. order_update|en_US' } },
				],
			},
		],
	};
}

export function readTemplateLocator(ctx: IExecuteFunctions, itemIndex: number): { name: string; language: string } {
	const selected = ctx.getNodeParameter('template', itemIndex, '', { extractValue: true });
	const key = parseTemplateKey(selected);
	if (!key) {
		throw new NodeOperationError(ctx.getNode(), `Template must be chosen from the list or written as name|language (got "${textOf(selected)}") [item ${itemIndex}]`, { itemIndex });
	}
	return key;
}

/** A parameter as text: expressions may give numbers or null. */
export function readText(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback = ''): string {
	const value = ctx.getNodeParameter(name, itemIndex, fallback);
	return textOf(value);
}

export const TEMPLATE_LANGUAGE_OPTIONS = TEMPLATE_LANGUAGES.map((language) => ({ name: `${language.label} (${language.code})`, value: language.code }));

export function mediaIdField(operation: string, description: string): INodeProperties {
	return {
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		description,
		displayOptions: { show: { resource: ['media'], operation: [operation] } },
	};
}
