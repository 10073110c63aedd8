/**
 * Fault soak: 2,000 sends through every kind of failure the API and the network produce. Every item
 * ends with exactly one outcome (sent, or an error item that says why); nothing is lost; nothing is
 * sent twice, and an item whose fate is unknown says so.
 */
import type { Fault } from '../emulator/server';
import { BULK_TEST_TIMEOUT_MS, bulkTextRun, sentTexts } from '../support/bulk';
import { useEmulator } from '../support/emulatorFixture';
import { recordFigure } from '../support/figures';
import { emulatorCredentials, runActionNode, errorOf } from '../support/n8nCore';
import { pollUntil } from '../support/poll';
import { seededRandom } from '../support/random';

const fixture = useEmulator();
jest.setTimeout(BULK_TEST_TIMEOUT_MS);
const COUNT = 2000;
const messages = { method: 'POST', path: '/messages' };
const rateLimited = { error: { code: 130429, message: '(#130429) Rate limit hit' } };
/**
 * The send timeout: long enough that on a loaded 2-core machine an ordinary send stays under it (a
 * 2 s timeout left too little room there), short enough to keep the soak under a minute.
 */
const TIMEOUT_SECONDS = 5;

/** Faults after which the request may have been processed: the item must say it is in doubt. */
const AMBIGUOUS: Fault[] = [
	{ ...messages, times: 10, drop: 'beforeRead' },
	{ ...messages, times: 10, drop: 'afterRead' },
	{ ...messages, times: 10, delayMs: TIMEOUT_SECONDS * 1000 + 3000 }, // past the timeout; processed after the client gave up
	{ ...messages, times: 10, garbleAnswer: true }, // processed, answered with invalid JSON
	{ ...messages, times: 10, status: 504, afterProcessing: true }, // a gateway timed out after the message was accepted
	{ ...messages, times: 10, status: 500, body: 'Internal Server Error <html>' }, // not processed, but a send cannot tell
	{ ...messages, times: 10, status: 502, body: '<html>Bad Gateway</html>' },
];
/** Faults that are retried until the message goes through. */
const RETRIED: Fault[] = [
	{ ...messages, times: 20, status: 429, headers: { 'retry-after': '0' }, body: rateLimited },
	{ ...messages, times: 20, status: 429, body: rateLimited },
	{
		...messages,
		times: 20,
		status: 400,
		body: {
			meta: {
				success: false,
				http_code: 400,
				developer_message: 'You have exceeded the endpoint rate limit.',
			},
		},
	},
	{ ...messages, times: 15, status: 503 },
];

describe('fault soak: 2,000 sends', () => {
	it('ends every item with exactly one outcome, loses nothing and sends nothing twice', async () => {
		const { emulator } = fixture;
		// Shuffled (seeded) so the kinds of fault mix as they would in a bad hour.
		const faults = [...AMBIGUOUS, ...RETRIED].flatMap((fault) =>
			Array.from({ length: fault.times ?? 1 }, () => ({ ...fault, times: 1 })),
		);
		const random = seededRandom(42);
		for (let index = faults.length - 1; index > 0; index--) {
			const other = Math.floor(random() * (index + 1));
			[faults[index], faults[other]] = [faults[other], faults[index]];
		}
		emulator.inject(...faults);
		const injected = faults.length;

		const { items, error } = await runActionNode({
			...bulkTextRun(COUNT, 'soak', {
				messagesPerSecond: 0,
				maxConcurrent: 20,
				timeoutSeconds: TIMEOUT_SECONDS,
			}),
			credentials: emulatorCredentials(fixture.baseUrl),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(COUNT);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			Array.from({ length: COUNT }, (_, n) => n),
		);

		const sent = items.filter((item) => typeof item.json.messageId === 'string');
		const failed = items.filter((item) => item.json.error !== undefined);
		expect(sent.length + failed.length).toBe(COUNT);
		// Every fault that leaves a send in doubt surfaces as such; on a busy 2-core machine a send that
		// merely took longer than the timeout may join them, and says so too.
		const doubtful = failed.filter((item) => errorOf(item).ambiguous === true);
		const inDoubt = AMBIGUOUS.reduce((sum, fault) => sum + (fault.times ?? 1), 0);
		expect(doubtful.length).toBeGreaterThanOrEqual(inDoubt);
		expect(failed.length).toBeLessThan(inDoubt + 20);
		// Each error item says why: in doubt (and not repeated), or out of retries for a rate limit.
		for (const item of failed) {
			if (errorOf(item).ambiguous === true)
				expect(errorOf(item).message).toContain('may or may not have been processed');
			else expect(errorOf(item).description).toMatch(/^Gave up after \d+ attempts/);
		}

		// Wait (bounded) for the sends the emulator is still finishing after their clients timed out.
		await pollUntil(
			() => (emulator.requests.some((request) => request.outcome === undefined) ? undefined : true),
			{ timeoutMs: 30_000, intervalMs: 50 },
		);
		const texts = sentTexts(emulator.sent);
		expect(new Set(texts).size).toBe(texts.length); // nothing twice
		const sentIds = new Set(emulator.sent.map((message) => message.id));
		for (const item of sent) expect(sentIds.has(item.json.messageId as string)).toBe(true);
		// What reached the API is exactly the sent items plus some of those in doubt (dropped after
		// reading, timed out, garbled; not those dropped before reading): nothing else, nothing lost.
		const inDoubtTexts = new Set(
			doubtful.map((item) => `soak ${(item.pairedItem as { item: number }).item}`),
		);
		const sentItemTexts = new Set(
			sent.map((item) => `soak ${(item.pairedItem as { item: number }).item}`),
		);
		for (const text of sentItemTexts) expect(texts).toContain(text);
		expect(texts.filter((text) => !sentItemTexts.has(text) && !inDoubtTexts.has(text))).toEqual([]);
		expect(texts.length - sentItemTexts.size).toBeGreaterThanOrEqual(30);
		expect(emulator.faults).toHaveLength(0);
		recordFigure(
			'fault soak',

			`fault soak: ${COUNT} sends, ${injected} faults injected, ${sent.length} sent, ${doubtful.length} reported in doubt (${texts.length - sent.length} of them processed), ${failed.length - doubtful.length} out of retries, 0 lost, 0 duplicated`,
		);
	});
});
