/**
 * Bursts: a contact's messages that follow each other within a few seconds, merged into one item
 * so that an AI agent answers the thought once, not each fragment. Held in this n8n process's memory
 * while the burst is open: a burst is lost if the process stops, and in queue mode with several
 * webhook processes a burst split between them starts one execution in each.
 */
import { sleep } from 'n8n-workflow';

import type { WebhookEvent } from '../domain/webhookEvents';

export const MERGE_RULES = {
	/** The longest quiet time a user can choose. */
	maxSeconds: 60,
	/** A burst that never goes quiet is closed after this many windows. */
	maxWindows: 3,
	/** How often a waiting delivery looks whether its bursts went quiet. */
	pollMs: 50,
	/** Open bursts per process, so a flood cannot grow memory without end. */
	maxOpen: 10_000,
};

interface Burst {
	events: WebhookEvent[];
	startedAt: number;
	lastAt: number;
}

const openBursts = new Map<string, Burst>();

/**
 * Adds each message to the open burst of its contact; a message whose contact has none opens one,
 * which the calling delivery then owns and closes. Returns the keys of the bursts it owns.
 */
export function joinBursts(scope: string, events: WebhookEvent[], now = Date.now()): string[] {
	const owned: string[] = [];
	for (const event of events) {
		const key = `${scope}:${event.contact?.key ?? event.message?.id ?? now}`;
		const burst = openBursts.get(key);
		if (burst) {
			burst.events.push(event);
			burst.lastAt = now;
		} else if (openBursts.size < MERGE_RULES.maxOpen) {
			openBursts.set(key, { events: [event], startedAt: now, lastAt: now });
			owned.push(key);
		} else {
			// Too many open bursts: this one is not held; it goes out on its own.
			openBursts.set(key, { events: [event], startedAt: now, lastAt: now - Infinity });
			owned.push(key);
		}
	}
	return owned;
}

/** One item for a burst: the last message (for replies), every message, their texts joined in order. */
export function mergedEvent(events: WebhookEvent[]): WebhookEvent {
	const last = events[events.length - 1];
	return {
		...events[0],
		message: last.message,
		messages: events.map((event) => event.message ?? {}),
		text: joinedText(events),
		timestamp: last.timestamp,
	};
}

function joinedText(events: WebhookEvent[]): string {
	return events
		.map((event) => event.text ?? '')
		.filter((text) => text !== '')
		.join('\n');
}

/**
 * A burst's texts as one text message, the way a Free Text answer reads it: the joined text, the
 * first message's ID and time, and the question it replies to when one of them was a swipe-reply.
 */
export function burstAnswer(texts: WebhookEvent[]): WebhookEvent {
	const text = joinedText(texts);
	const replying = texts.find(
		(event) => (event.message?.context as object | undefined) !== undefined,
	);
	const first = texts[0];
	return {
		...first,
		message: {
			...first.message,
			...(replying ? { context: replying.message?.context } : {}),
			text: { body: text },
		},
		messages: texts.map((event) => event.message ?? {}),
		text,
	};
}

/** Waits until each owned burst has been quiet for `windowMs` (bounded), and gives its messages. */
export async function closeBursts(keys: string[], windowMs: number): Promise<WebhookEvent[][]> {
	const closed: WebhookEvent[][] = [];
	for (const key of keys) {
		const burst = openBursts.get(key);
		if (!burst) continue;
		const closesBy = burst.startedAt + windowMs * MERGE_RULES.maxWindows;
		for (;;) {
			const now = Date.now();
			const quietUntil = Math.min(burst.lastAt + windowMs, closesBy);
			if (now >= quietUntil) break;
			await sleep(Math.min(MERGE_RULES.pollMs, quietUntil - now));
		}
		openBursts.delete(key);
		closed.push(burst.events);
	}
	return closed;
}
