/**
 * The API key every node and end-to-end test uses. It must never appear in a node's output, an error
 * message or description, an n8n log line or an execution n8n stores; `assertNoSentinel` fails a
 * test that lets it through, wherever the check runs.
 */
export const SENTINEL_API_KEY = 'sentinel-360-key-7f3a9c1e5b';

export function assertNoSentinel(where: string, value: unknown): void {
	let text: string;
	try {
		text =
			typeof value === 'string'
				? value
				: JSON.stringify(value, (_key, inner: unknown) =>
						inner instanceof Error
							? {
									message: inner.message,
									description: (inner as { description?: unknown }).description,
									stack: inner.stack,
								}
							: inner,
					);
	} catch {
		text = String(value);
	}
	if (text?.includes(SENTINEL_API_KEY)) throw new Error(`The API key leaked into ${where}`);
}
