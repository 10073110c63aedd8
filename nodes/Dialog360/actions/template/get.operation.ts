import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyTemplate } from '../../domain/templates';
import { findTemplate } from '../../transport/templates';
import { readTemplateLocator, simplifyOption, templateLocator, wantsRawOutput } from '../common.descriptions';

const show = { resource: ['template'], operation: ['get'] };

export const description: INodeProperties[] = [
	templateLocator({ searchListMethod: 'searchAllTemplates', description: 'The template, by name and language', show }),
	simplifyOption({ resource: 'template', operation: 'get' }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { name, language } = readTemplateLocator(this, itemIndex);
	const template = await findTemplate.call(this, name, language, itemIndex);
	if (!template) {
		throw new NodeOperationError(this.getNode(), `Template ${name} (${language}) does not exist on this number [item ${itemIndex}]`, {
			itemIndex,
			description: 'Check the name and the language code; List shows every template.',
		});
	}
	if (wantsRawOutput(this, itemIndex)) return template as unknown as IDataObject;
	return simplifyTemplate(template as typeof template & Record<string, unknown>) as unknown as IDataObject;
}
