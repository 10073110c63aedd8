import { useEmulator } from '../support/emulatorFixture';
import { BULK_TEST_TIMEOUT_MS, bulkTextRun, sentTexts } from '../support/bulk';
import { paceOnOneClock } from '../support/clock';
import { emulatorCredentials, runActionNode, errorOf } from '../support/n8nCore';

const fixture = useEmulator();
jest.setTimeout(BULK_TEST_TIMEOUT_MS);
const COUNT = 2000;

describe('Bulk sending: 2,000 items through injected faults', () => {
	it('gives every item exactly one outcome, keeps order and pairing, and sends nothing twice', async () => {
		const { emulator } = fixture;
		emulator.inject(
			{
				method: 'POST',
				path: '/messages',
				times: 15,
				status: 429,
				headers: { 'retry-after': '0' },
				body: { error: { code: 130429, message: 'Rate limit hit' } },
			},
			{
				method: 'POST',
				path: '/messages',
				times: 15,
				status: 429,
				body: { error: { code: 130429, message: 'Rate limit hit' } },
			},
			{
				method: 'POST',
				path: '/messages',
				times: 10,
				status: 400,
				body: {
					meta: {
						success: false,
						http_code: 400,
						developer_message: 'You have exceeded the endpoint rate limit.',
					},
				},
			},
			{ method: 'POST', path: '/messages', times: 10, status: 500 },
			{ method: 'POST', path: '/messages', times: 10, status: 503 },
			{ method: 'POST', path: '/messages', times: 5, drop: 'beforeRead' },
			{ method: 'POST', path: '/messages', times: 5, drop: 'afterRead' },
		);
		const { items, error } = await runActionNode({
			...bulkTextRun(COUNT, 'message', { messagesPerSecond: 0, maxConcurrent: 20 }),
			credentials: emulatorCredentials(fixture.baseUrl),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(COUNT);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			Array.from({ length: COUNT }, (_, n) => n),
		);

		const texts = sentTexts(emulator.sent);
		expect(new Set(texts).size).toBe(texts.length); // nothing sent twice

		const failed = items.filter((item) => item.json.error !== undefined);
		const delivered = items.filter((item) => item.json.messageId !== undefined);
		expect(delivered.length + failed.length).toBe(COUNT);
		// Only the ten dropped connections and the ten 500s are in doubt (a send is not repeated after a
		// 500: it may have gone out); each says so, and nothing else failed.
		expect(failed).toHaveLength(20);
		for (const item of failed) {
			expect(errorOf(item).ambiguous).toBe(true);
			expect(errorOf(item).message).toContain('may or may not have been processed');
		}
		// Every item reported as sent is at the API exactly once, with its own text.
		const sentIds = new Set(emulator.sent.map((message) => message.id));
		for (const item of delivered) expect(sentIds.has(item.json.messageId as string)).toBe(true);
		// The five connections dropped after the API read them were processed: in doubt, not lost (the 500s were not).
		expect(emulator.sent).toHaveLength(delivered.length + 5);
	});
});

describe('Bulk sending when the real limit is below the configured rate', () => {
	it('settles under the limit: every message sent once, few rate-limit answers', async () => {
		const { emulator } = fixture;
		emulator.messagesPerSecond = 40;
		paceOnOneClock(emulator);
		try {
			const count = 600;
			const { items, error } = await runActionNode({
				...bulkTextRun(count, 'slow', {}),
				credentials: emulatorCredentials(fixture.baseUrl),
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expect(items.filter((item) => item.json.messageId !== undefined)).toHaveLength(count);
			const texts = sentTexts(emulator.sent);
			expect(new Set(texts).size).toBe(count); // nothing lost, nothing sent twice
			// Without following the limit, 80 a second against 40 is refused about every other time. On
			// the one clock the count depends on the pace alone, not on how loaded the machine is (21 when
			// this was written).
			expect(emulator.rateLimited).toBeLessThan(count * 0.1);
		} finally {
			emulator.messagesPerSecond = 0;
			jest.restoreAllMocks();
		}
	});
});
