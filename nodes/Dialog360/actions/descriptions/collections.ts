/** The two collection shapes several descriptions share; each caller gives only what is its own. */
import type { INodeProperties } from 'n8n-workflow';

/** n8n's "Options" collection ("Add Option") holding a node's or an operation's optional fields. */
export function optionsCollection(
	options: INodeProperties[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		...extra,
		options,
	};
}

/**
 * A list the user adds entries to one by one and can reorder (buttons, list rows): a fixedCollection
 * with one kind of entry, whose fields are `values`.
 */
export function sortableList(
	field: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'displayOptions'>,
	entry: { displayName: string; name: string },
	values: INodeProperties[],
): INodeProperties {
	return {
		...field,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: `Add ${entry.displayName}`,
		default: {},
		options: [{ ...entry, values }],
	};
}
