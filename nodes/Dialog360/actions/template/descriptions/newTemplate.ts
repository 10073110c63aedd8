/** The name and language of a new template: Submit and Submit From Library ask for them alike. */
import type { INodeProperties } from 'n8n-workflow';

import { TEMPLATE_RULES } from '../../../domain/rules/templates';
import { TEMPLATE_LANGUAGE_OPTIONS } from '../../descriptions/common';

export const newTemplateNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. order_confirmation',
	description: `Lowercase letters a–z, digits and _, at most ${TEMPLATE_RULES.name.max} characters. A deleted name cannot be used again for about 30 days.`,
};

export const newTemplateLanguageField: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	default: 'en_US',
	options: TEMPLATE_LANGUAGE_OPTIONS,
	description:
		'The language of this version of the template; a code missing from the list can be given with an expression',
};
