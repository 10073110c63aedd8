import type { IDataObject } from 'n8n-workflow';

/** A domain result (plain data, no functions) as an n8n item's json: the one place that says so. */
export function toJson(value: object): IDataObject {
	return value as IDataObject;
}
