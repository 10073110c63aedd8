import type {
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { parameterSlots } from '../domain/templateParameters';
import { bodyVariableOrder } from '../domain/templateSubmission';
import { knownTemplateText } from '../domain/templateText';
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
	// A slot that repeats another's value (an authentication template's code button) gets no field.
	const slots = parameterSlots(template).filter((slot) => slot.sameAs === undefined);
	const fields: ResourceMapperField[] = slots.map((slot) => ({
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

/**
 * The Body as the user wrote it. n8n's editor evaluates every expression before it calls the method
 * below, so an expression Body arrives evaluated ({{1}} as 1, or null when its n8n expressions need
 * input data the editor lacks); Body As Written is the Body unevaluated ($rawParameter). The Body
 * itself, read without evaluating, when Body As Written did not come evaluated (a node test, or an
 * editor that sends parameters as stored).
 */
function bodyAsWritten(ctx: ILoadOptionsFunctions): unknown {
	const written = ctx.getNodeParameter('bodyAsWritten', '', { rawExpressions: true });
	if (typeof written === 'string' && !written.startsWith('=')) return written;
	return ctx.getNodeParameter('body', '', { rawExpressions: true });
}

/**
 * Template › Submit: one sample field per variable written in the Body, in the order samples go.
 * The field ids are the variable names, so that the samples n8n keeps find their fields again.
 */
export async function getBodyVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const body = knownTemplateText(bodyAsWritten(this));
	const fields: ResourceMapperField[] = bodyVariableOrder(body).map((name) => ({
		id: name,
		displayName: `Sample for {{${name}}}`,
		required: true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: 'string',
	}));
	return {
		fields,
		emptyFieldsNotice:
			'The Body has no variables yet: write {{1}} (or a name such as {{first_name}}) in the Body, and a sample field appears here',
	};
}
