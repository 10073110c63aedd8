import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Puts an operation's conditions (its resource and operation) on each of its properties, merged with
 * the property's own, as `updateDisplayOptions` in n8n-nodes-base does: a field states only what is
 * its own (for example the message type it belongs to).
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const own = property.displayOptions ?? {};
		const hide =
			displayOptions.hide || own.hide ? { hide: { ...displayOptions.hide, ...own.hide } } : {};
		return {
			...property,
			displayOptions: { ...own, show: { ...displayOptions.show, ...own.show }, ...hide },
		};
	});
}
