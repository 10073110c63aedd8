/**
 * The one bounded wait loop of the tests and benchmarks. `probe` runs at once and then every
 * `intervalMs` until it gives something other than undefined, which `pollUntil` returns; once
 * `timeoutMs` has passed it returns the last probe's undefined instead. Callers that must not go on
 * without the value use `pollOrThrow`, with their own message.
 */
export async function pollUntil<T>(
	probe: () => T | undefined | Promise<T | undefined>,
	{ timeoutMs, intervalMs }: { timeoutMs: number; intervalMs: number },
): Promise<T | undefined> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined || Date.now() > deadline) return value;
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** `pollUntil`, but the time running out throws `failure()` (read then, so it can say what was seen last). */
export async function pollOrThrow<T>(
	probe: () => T | undefined | Promise<T | undefined>,
	options: { timeoutMs: number; intervalMs: number; failure: () => string },
): Promise<T> {
	const value = await pollUntil(probe, options);
	if (value === undefined) throw new Error(options.failure());
	return value;
}
