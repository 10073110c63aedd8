import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyTemplate } from '../../domain/templates';
import { findTemplate } from '../../transport/templates';
import { simplifyField, templateLocatorField } from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import { toJson } from '../../domain/values';
import { readTemplateLocator, wantsRawOutput } from '../parameters';

const properties: INodeProperties[] = [
	templateLocatorField('searchAllTemplates', 'The template, by name and language'),
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['get'] } },
	properties,
);

/** One look-up per item, one at a time: each item names its own template. */
export const runShape = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { name, language } = readTemplateLocator(this, itemIndex);
	const template = await findTemplate.call(this, name, language, itemIndex);
	if (!template) {
		throw new NodeOperationError(
			this.getNode(),
			`Template ${name} (${language}) does not exist on this number [item ${itemIndex}]`,
			{
				itemIndex,
				description: 'Check the name and the language code; List shows every template.',
			},
		);
	}
	if (wantsRawOutput(this, itemIndex)) return toJson(template);
	return toJson(simplifyTemplate(template as typeof template & Record<string, unknown>));
}
