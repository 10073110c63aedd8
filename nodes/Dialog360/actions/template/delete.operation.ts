import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TEMPLATE_NAME_PATTERN } from '../../domain/rules/templates';
import { apiRequest } from '../../transport/request';
import { updateDisplayOptions } from '../displayOptions';
import { readText } from '../parameters';
import { assertNoViolations } from '../validation';

const properties: INodeProperties[] = [
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_confirmation',
		description:
			'Every language of this template is deleted, and the name cannot be used again for about 30 days',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['delete'] } },
	properties,
);

/** One deletion per item, one at a time: each item names its own template. */
export const runShape = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readText(this, 'templateName', itemIndex).trim();
	if (!TEMPLATE_NAME_PATTERN.test(name)) {
		assertNoViolations(
			this,
			[
				{
					field: 'Template Name',
					message: `Template Name must be lowercase letters a–z, digits and _ (got "${name}")`,
				},
			],
			itemIndex,
			'WhatsApp template',
		);
	}
	await apiRequest.call(this, {
		method: 'DELETE',
		endpoint: 'template',
		pathParams: { templateName: name },
		idempotent: true, // deleting a deleted name answers 404, which is reported, never a second deletion
		itemIndex,
	});
	return { success: true, name, deleted: 'all languages' };
}
