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
