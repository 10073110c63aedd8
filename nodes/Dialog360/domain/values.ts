/**
 * Values from expressions, webhook bodies and API answers as text. `String(value)` runs whatever
 * `toString` the value carries, and a JSON object may hold a "toString" key that is not a function:
 * `String({ toString: {} })` throws a TypeError instead of the error that names the field.
 */
export function textOf(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
		return String(value);
	try {
		return JSON.stringify(value) ?? '';
	} catch {
		// Cycles and BigInts inside objects.
		return Object.prototype.toString.call(value);
	}
}

/** A text or number of a webhook body or an API answer as text; null when absent or empty. */
export function textOrNull(value: unknown): string | null {
	if (typeof value === 'string') return value === '' ? null : value;
	return typeof value === 'number' ? String(value) : null;
}

/** A plain object (not null, not an array), as JSON objects from bodies and expressions are. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object as n8n items hold it (n8n's IDataObject in shape; the domain imports nothing of n8n). */
export interface JsonObject {
	[key: string]: string | number | boolean | object | null | undefined;
}

/** A domain result (plain data, no functions) as an n8n item's json: the one place that says so. */
export function toJson(value: object): JsonObject {
	return value as JsonObject;
}
