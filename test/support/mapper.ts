import type { ResourceMapperValue } from 'n8n-workflow';

/**
 * A resource mapper's value as the editor saves it: the values by field id, and the schema of the
 * fields shown (display names by id; the id itself when none is given).
 */
export function mapperValue(
	values: Record<string, string>,
	labels: Record<string, string> = {},
): ResourceMapperValue {
	return {
		mappingMode: 'defineBelow',
		value: values,
		matchingColumns: [],
		schema: Object.keys(values).map((id) => ({
			id,
			displayName: labels[id] ?? id,
			required: true,
			defaultMatch: false,
			display: true,
			type: 'string',
			canBeUsedToMatch: false,
		})),
		attemptToConvertTypes: false,
		convertFieldsToString: true,
	};
}
