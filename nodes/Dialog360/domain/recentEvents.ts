/**
 * Remembers recently seen event ids so a redelivery (360dialog retries for hours after a non-200,
 * and may deliver twice) starts no second execution. Bounded in time and in size.
 */
export const DEDUPE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DEDUPE_MAX_ENTRIES = 10_000;

export class RecentEvents {
	// Insertion order is arrival order, so the oldest entry is the first one.
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly windowMs = DEDUPE_WINDOW_MS,
		private readonly maxEntries = DEDUPE_MAX_ENTRIES,
	) {}

	/** True the first time an id is offered within the window; false for a repeat. */
	firstTime(id: string, now = Date.now()): boolean {
		this.expire(now);
		if (this.seen.has(id)) return false;
		this.seen.set(id, now);
		while (this.seen.size > this.maxEntries)
			this.seen.delete(this.seen.keys().next().value as string);
		return true;
	}

	/** Forgets an id, for an event that was accepted but could not be handed on. */
	forget(id: string): void {
		this.seen.delete(id);
	}

	get size(): number {
		return this.seen.size;
	}

	private expire(now: number): void {
		for (const [id, at] of this.seen) {
			if (now - at < this.windowMs) break;
			this.seen.delete(id);
		}
	}
}
