/**
 * Merged bursts through n8n-core (the trigger harness) against the emulator: every message's file
 * reaches the item, a Free Text answer is the whole burst, and a delivery handed to the workflow gets
 * an empty 200 from n8n (not the text "firstEntryJson").
 */
import type { INodeParameters } from 'n8n-workflow';

import { DELIVERY_HEADER } from '../../nodes/Dialog360/trigger/registration';
import { cloudDelivery, CONTACT, MESSAGE_FIXTURES, textFrom } from '../fixtures/webhooks';
import { holdClock } from '../support/clock';
import { useEmulator } from '../support/emulatorFixture';
import { pngOfSize } from '../support/images';
import { emulatorCredentials, runActionNode } from '../support/n8nCore';
import { TriggerHarness } from '../support/triggerHarness';

const fixture = useEmulator();
const harnesses: TriggerHarness[] = [];
let workflows = 0;

async function activeTrigger(options: INodeParameters = {}): Promise<TriggerHarness> {
	const harness = new TriggerHarness(
		{ events: ['message', 'status'], options },
		emulatorCredentials(fixture.baseUrl),
		{ workflowId: `bursts-${++workflows}` },
	);
	harnesses.push(harness);
	await harness.start();
	await harness.activate();
	return harness;
}

afterEach(async () => {
	jest.restoreAllMocks(); // holdClock's, also after a failure
	await Promise.all(harnesses.splice(0).map(async (harness) => await harness.stop()));
});

/** The merge window (2 s): still while a burst arrives, however slowly; then moved past it. */
const WINDOW_MS = 2_000;

const imageMessage = (id: string, mediaId: string) =>
	cloudDelivery({
		contacts: [CONTACT],
		messages: [{ ...MESSAGE_FIXTURES.image, id, image: { id: mediaId, mime_type: 'image/png' } }],
	});
const textMessage = (id: string, body: string) => textFrom(id, body, { waId: CONTACT.wa_id });

/** Polls (bounded) until `done` holds. */
async function until(done: () => boolean, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('Merge Messages with Download Media', () => {
	it('an image followed by a text: one item with the text and the file, the message naming its field', async () => {
		const photo = pngOfSize(40, 40);
		fixture.emulator.media.set('901', { id: '901', mimeType: 'image/png', data: photo });
		const harness = await activeTrigger({ mergeSeconds: 2, downloadMedia: true });
		const clock = holdClock();
		await fixture.emulator.deliver(imageMessage('wamid.i1', '901'));
		await fixture.emulator.deliver(textMessage('wamid.t1', 'this one is broken'));
		clock.advance(WINDOW_MS);
		const [[item]] = await harness.waitForExecutions(1, 20_000);
		expect(item.json.text).toBe('this one is broken');
		expect(Buffer.from(item.binary?.data.data ?? '', 'base64').equals(photo)).toBe(true);
		expect(item.json.messages).toEqual([
			expect.objectContaining({ id: 'wamid.i1', binaryField: 'data' }),
			expect.not.objectContaining({ binaryField: expect.anything() }),
		]);
	});

	it('two images and one whose file is gone: data, data_2, and a mediaError for the third', async () => {
		const [first, second] = [pngOfSize(30, 30), pngOfSize(60, 60)];
		fixture.emulator.media.set('911', { id: '911', mimeType: 'image/png', data: first });
		fixture.emulator.media.set('912', { id: '912', mimeType: 'image/png', data: second });
		const harness = await activeTrigger({ mergeSeconds: 2, downloadMedia: true });
		const clock = holdClock();
		await fixture.emulator.deliver(imageMessage('wamid.i1', '911'));
		await fixture.emulator.deliver(imageMessage('wamid.i2', '912'));
		await fixture.emulator.deliver(imageMessage('wamid.i3', '999'));
		clock.advance(WINDOW_MS);
		const [[item]] = await harness.waitForExecutions(1, 20_000);
		const bytes = (field: string) => Buffer.from(item.binary?.[field]?.data ?? '', 'base64');
		expect(Object.keys(item.binary ?? {})).toEqual(['data', 'data_2']);
		expect(bytes('data').equals(first)).toBe(true);
		expect(bytes('data_2').equals(second)).toBe(true);
		const messages = item.json.messages as Array<Record<string, unknown>>;
		expect(messages.map((message) => message.binaryField)).toEqual(['data', 'data_2', undefined]);
		expect(messages[2].mediaError).toEqual(expect.any(String));
		expect(item.json.mediaError).toBe(messages[2].mediaError);
	});
});

describe('Merge Messages and Send and Wait', () => {
	/** Asks the contact a Free Text question as execution `executionId`, which then waits. */
	async function askFreeText(harness: TriggerHarness, executionId: string, message: string) {
		const run = await runActionNode({
			credentials: emulatorCredentials(fixture.baseUrl),
			executionId,
			webhookWaitingBaseUrl: harness.waitingBaseUrl,
			parameters: {
				resource: 'message',
				operation: 'sendAndWait',
				to: `+${CONTACT.wa_id}`,
				responseType: 'freeText',
				message,
			},
		});
		expect(run.error).toBeUndefined();
		harness.waitingExecutions.add(executionId);
		const question = fixture.emulator.sent.at(-1)!;
		await fixture.emulator.deliver(fixture.emulator.statusDelivery(question.id, 'delivered'));
		return question;
	}

	it('a Free Text answer typed as three messages resumes the execution with all three, and starts no workflow', async () => {
		const harness = await activeTrigger({ mergeSeconds: 2 });
		await askFreeText(harness, '701', 'Which day suits you?');
		const clock = holdClock();
		for (const [id, body] of [
			['wamid.f1', 'Friday'],
			['wamid.f2', 'after 3'],
			['wamid.f3', 'pm'],
		])
			await fixture.emulator.deliver(textMessage(id, body));
		clock.advance(WINDOW_MS);
		await until(() => harness.resumed.length > 0);
		expect(harness.resumed).toEqual([
			{
				executionId: '701',
				items: [{ json: expect.objectContaining({ text: 'Friday\nafter 3\npm' }) }],
			},
		]);
		// The burst was the answer: nothing of it reaches the workflow (the status did not either).
		expect(harness.executions.flat().map((item) => item.json.kind)).toEqual(['status']);

		// The contact's next burst is an ordinary message again.
		await fixture.emulator.deliver(textMessage('wamid.f4', 'thanks'));
		clock.advance(WINDOW_MS);
		await harness.waitForExecutions(2, 20_000);
		expect(harness.executions[1][0].json).toMatchObject({ kind: 'message', text: 'thanks' });
		expect(harness.executions[1][0].json).not.toHaveProperty('waitAnswer');
	});

	it('a burst whose second message swipe-replies to the older question answers that one', async () => {
		const harness = await activeTrigger({ mergeSeconds: 2 });
		const first = await askFreeText(harness, '801', 'Which day?');
		await askFreeText(harness, '802', 'Which time?');
		const clock = holdClock();
		await fixture.emulator.deliver(textMessage('wamid.s1', 'oh and'));
		await fixture.emulator.deliver(
			textFrom('wamid.s2', 'Friday', { waId: CONTACT.wa_id }, first.id),
		);
		clock.advance(WINDOW_MS);
		await until(() => harness.resumed.length > 0);
		expect(harness.resumed).toEqual([
			{
				executionId: '801',
				items: [{ json: expect.objectContaining({ text: 'oh and\nFriday' }) }],
			},
		]);
	});
});

describe("The trigger's answer to 360dialog", () => {
	it('a delivery handed to the workflow gets an empty 200, not the text "firstEntryJson"', async () => {
		const harness = await activeTrigger();
		const secret = { [DELIVERY_HEADER]: fixture.emulator.webhook.headers[DELIVERY_HEADER] };
		expect(await harness.post(textMessage('wamid.r1', 'hello'), secret)).toEqual({
			status: 200,
			body: '',
		});
		expect(harness.executions).toHaveLength(1);
	});
});
