import type {
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { parameterSlots } from '../domain/templateParameters';
import { parseTemplateKey } from '../domain/templates';
import { findTemplate } from '../transport/templates';

/** One mapper field per value the chosen template needs (header, body variables, buttons). */
export async function getTemplateParameters(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const key = parseTemplateKey(
		this.getNodeParameter('template', undefined, { extractValue: true }),
	);
	if (!key) return { fields: [], emptyFieldsNotice: 'Choose a template first' };
	const template = await findTemplate.call(this, key.name, key.language);
	if (!template)
		return {
			fields: [],
			emptyFieldsNotice: `Template ${key.name} (${key.language}) was not found`,
		};
	const fields: ResourceMapperField[] = parameterSlots(template).map((slot) => ({
		id: slot.id,
		displayName: slot.label,
		required: slot.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: slot.kind === 'latitude' || slot.kind === 'longitude' ? 'number' : 'string',
	}));
	return { fields, emptyFieldsNotice: 'This template has no variables: nothing to fill in' };
}
