import type { INodeProperties } from 'n8n-workflow';

import { Dialog360 } from '../../nodes/Dialog360/Dialog360.node';

/** Every property of a list, with the fields of its collections and fixed collections. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...(property.options ?? []).flatMap((option) => {
			if ('values' in option) return allProperties(option.values);
			if ('displayName' in option && 'type' in option)
				return allProperties([option as INodeProperties]);
			return [];
		}),
	]);
}

describe('itemParameter reads what getNodeParameter reads', () => {
	// itemParameter skips n8n's check of a value against `validateType`: with none declared, the
	// check has nothing to do, and skipping it changes nothing. A property that declares one needs
	// getNodeParameter (or itemParameter without the skip).
	it("no property of the action node declares a validateType for n8n's check", () => {
		const properties = allProperties(new Dialog360().description.properties);
		expect(properties.length).toBeGreaterThan(100);
		expect(
			properties
				.filter((property) => property.validateType !== undefined)
				.map((property) => property.name),
		).toEqual([]);
	});
});
