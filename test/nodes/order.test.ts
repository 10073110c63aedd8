/**
 * Messages to one contact reach WhatsApp in the order of the items: the next message to a contact
 * starts only once 360dialog answered the one before, whatever its answer; different contacts still
 * go side by side. Through n8n-core against the emulator, which answers each request after a seeded
 * random time.
 */
import type { IDataObject } from 'n8n-workflow';

import * as identity from '../../nodes/Dialog360/domain/identity';
import { AnswerDelay } from '../emulator/answerDelay';
import type { RecordedRequest } from '../emulator/server';
import { sentTexts, textPerItem } from '../support/bulk';
import { useEmulator } from '../support/emulatorFixture';
import { emulatorCredentials, errorOf, runActionNode } from '../support/n8nCore';

const fixture = useEmulator();

/** Every request waits `LATENCY_MS` and then up to `JITTER_MS` more before it is answered. */
const LATENCY_MS = 100;
const JITTER_MS = 250;

beforeEach(() => {
	fixture.emulator.latencyMs = LATENCY_MS;
	fixture.emulator.answerDelay = new AnswerDelay(JITTER_MS, 7);
});
afterEach(() => {
	fixture.emulator.latencyMs = 0;
	fixture.emulator.answerDelay = undefined;
});

/** One contact, written five ways: the order follows the contact, not the text of the field. */
const ONE_CONTACT = [
	'+49 151 12345678',
	'0049 151 12345678',
	'+4915112345678',
	'(+49) 1511-2345678',
	'015112345678',
];

function sendTexts(items: Array<{ to: string; text: string }>, options: IDataObject = {}) {
	return runActionNode({
		parameters: textPerItem({ defaultCountry: 'DE', ...options }),
		items,
		credentials: emulatorCredentials(fixture.baseUrl),
		continueOnFail: true,
	});
}

const messageRequests = (): RecordedRequest[] => fixture.emulator.requestsTo('POST', '/messages');

/** The text of a recorded send. */
const textOf = (request: RecordedRequest) =>
	((request.body as { text?: { body: string } }).text?.body ?? '') as string;

/**
 * Each request of the list arrived after the one before had been answered: the emulator holds every
 * request at least its latency (plus `extraMs` of the one before) after it arrived.
 */
function expectOneAfterAnother(requests: RecordedRequest[], extraMs: number[] = []): void {
	for (let index = 1; index < requests.length; index++)
		expect(requests[index].at - requests[index - 1].at).toBeGreaterThanOrEqual(
			fixture.emulator.latencyMs + (extraMs[index - 1] ?? 0),
		);
}

describe('Send keeps the order of the items for each contact', () => {
	it('five items to one contact reach the API in item order, each after the answer to the one before', async () => {
		const items = ONE_CONTACT.map((to, n) => ({ to, text: `step ${n + 1}` }));
		const { items: output, error } = await sendTexts(items);
		expect(error).toBeUndefined();
		expect(output.every((item) => typeof item.json.messageId === 'string')).toBe(true);
		expect(sentTexts(fixture.emulator.sent)).toEqual([
			'step 1',
			'step 2',
			'step 3',
			'step 4',
			'step 5',
		]);
		expectOneAfterAnother(messageRequests());
	});

	it.each([
		['refused (400)', 400, false],
		['in doubt (500: may have been sent)', 500, true],
	])(
		'an item in the middle that fails, %s, is finished before the next item to that contact starts',
		async (_, status, ambiguous) => {
			const failedAfterMs = 400;
			// The third send is answered late, and with a failure.
			fixture.emulator.inject({
				method: 'POST',
				path: '/messages',
				skip: 2,
				times: 1,
				status,
				delayMs: failedAfterMs,
				body: { error: { code: 131026, message: 'Message undeliverable' } },
			});
			const items = ONE_CONTACT.map((to, n) => ({ to, text: `step ${n + 1}` }));
			const { items: output, error } = await sendTexts(items);
			expect(error).toBeUndefined();
			expect(output).toHaveLength(5);
			expect(errorOf(output[2]).ambiguous ?? false).toBe(ambiguous);
			expect(output.filter((item) => item.json.error !== undefined)).toHaveLength(1);

			const requests = messageRequests();
			expect(requests.map(textOf)).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5']);
			expect(sentTexts(fixture.emulator.sent)).toEqual(['step 1', 'step 2', 'step 4', 'step 5']);
			expectOneAfterAnother(requests, [0, 0, failedAfterMs]);
		},
	);

	it('different contacts go side by side, each in its own order', async () => {
		// Long enough for four starts at the default pace on a busy machine.
		fixture.emulator.latencyMs = 500;
		const contacts = ['+4915112000001', '+4915112000002', '+4915112000003', 'DE.8827364519203746'];
		const items = [1, 2, 3].flatMap((step) =>
			contacts.map((to, contact) => ({ to, text: `contact ${contact} step ${step}` })),
		);
		const { items: output, error } = await sendTexts(items);
		expect(error).toBeUndefined();
		expect(output.every((item) => typeof item.json.messageId === 'string')).toBe(true);

		const requests = messageRequests();
		contacts.forEach((_, contact) => {
			const own = requests.filter((request) => textOf(request).startsWith(`contact ${contact} `));
			expect(own.map(textOf)).toEqual([1, 2, 3].map((step) => `contact ${contact} step ${step}`));
			expectOneAfterAnother(own);
		});
		// The first message of every contact arrived while the first request was still held: the
		// emulator saw requests for all four contacts at once.
		const firsts = requests.filter((request) => textOf(request).endsWith(' step 1'));
		expect(firsts).toHaveLength(contacts.length);
		expect(Math.max(...firsts.map((request) => request.at)) - requests[0].at).toBeLessThan(
			fixture.emulator.latencyMs,
		);
	});
});

describe('Send Template keeps the order of the items for each contact', () => {
	it('five templates to one contact reach the API in item order', async () => {
		fixture.emulator.seedTemplates(1);
		const { items: output, error } = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				to: '={{ $json.to }}',
				template: { __rl: true, mode: 'id', value: 'template_0|en' },
				parameterMode: 'json',
				templateComponents:
					'={{ [{ "type": "body", "parameters": [{ "type": "text", "text": $json.text }] }] }}',
				options: { defaultCountry: 'DE' },
			},
			items: ONE_CONTACT.map((to, n) => ({ to, text: `step ${n + 1}` })),
			credentials: emulatorCredentials(fixture.baseUrl),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output.every((item) => typeof item.json.messageId === 'string')).toBe(true);
		const sent = fixture.emulator.sent.map(
			(message) =>
				(
					message.payload.template as {
						components: Array<{ parameters: Array<{ text: string }> }>;
					}
				).components[0].parameters[0].text,
		);
		expect(sent).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5']);
		expectOneAfterAnother(messageRequests());
	});
});

describe('The per-contact order costs no second reading of the recipient', () => {
	it("Send parses each item's number once, for its order and for every part of a long text", async () => {
		const parse = jest.spyOn(identity, 'recipientIdOf');
		try {
			const items = [0, 1, 2].map((n) => ({
				to: ONE_CONTACT[n],
				text: `${'word '.repeat(30)}${n}`,
			}));
			const { error } = await sendTexts(items, { splitAt: 100 });
			expect(error).toBeUndefined();
			expect(fixture.emulator.sent).toHaveLength(items.length * 2);
			expect(parse).toHaveBeenCalledTimes(items.length);
		} finally {
			parse.mockRestore();
		}
	});
});
