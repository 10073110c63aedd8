/**
 * What an AI agent's reply needs on the way out: Markdown turned into WhatsApp formatting, a long
 * answer split into several messages in order, and the contact's message marked read with "typing…"
 * first. Through n8n-core against the emulator.
 */
import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../support/emulatorFixture';
import { emulatorCredentials, errorOf, runActionNode } from '../support/n8nCore';

const fixture = useEmulator();

function send(parameters: INodeParameters, continueOnFail = false) {
	return runActionNode({
		parameters: { resource: 'message', operation: 'send', to: '+4915112345678', ...parameters },
		credentials: emulatorCredentials(fixture.baseUrl),
		continueOnFail,
	});
}

const bodies = () =>
	fixture.emulator.sent.map((message) => (message.payload.text as { body: string }).body);

describe('Send for AI agents', () => {
	it('turns Markdown into WhatsApp formatting in a text, a caption and an interactive body', async () => {
		await send({
			messageType: 'text',
			text: '## Order\n**Shipped** today, see [tracking](https://x.io/t_1).',
			options: { textFormat: 'markdown' },
		});
		await send({
			messageType: 'image',
			mediaSource: 'link',
			mediaLink: 'https://x.io/a.jpg',
			caption: '**New** arrivals',
			options: { textFormat: 'markdown' },
		});
		await send({
			messageType: 'replyButtons',
			body: 'Is that **all**?',
			buttons: { button: [{ id: 'y', title: 'Yes' }] },
			options: { textFormat: 'markdown' },
		});
		const [text, image, buttons] = fixture.emulator.sent.map((message) => message.payload);
		expect(text.text).toEqual({
			body: '*Order*\n*Shipped* today, see tracking (https://x.io/t_1).',
			preview_url: false,
		});
		expect((image.image as { caption: string }).caption).toBe('*New* arrivals');
		expect((buttons.interactive as { body: { text: string } }).body.text).toBe('Is that *all*?');
	});

	it('leaves WhatsApp formatting as written by default', async () => {
		await send({ messageType: 'text', text: '**not bold in WhatsApp**' });
		expect(bodies()).toEqual(['**not bold in WhatsApp**']);
	});

	it('splits a long text into messages in order, the first quoting the reply, and lists every ID', async () => {
		const paragraphs = Array.from(
			{ length: 5 },
			(_, index) => `Paragraph ${index + 1}. ${'word '.repeat(150).trim()}.`,
		);
		const { items, error } = await send({
			messageType: 'text',
			text: paragraphs.join('\n\n'),
			options: { splitAt: 1000, replyTo: 'wamid.question' },
		});
		expect(error).toBeUndefined();
		expect(bodies().length).toBeGreaterThan(1);
		expect(bodies().join('\n\n').replace(/\s+/g, ' ')).toBe(
			paragraphs.join(' ').replace(/\s+/g, ' '),
		);
		expect(bodies().every((body) => Array.from(body).length <= 1000)).toBe(true);
		expect(fixture.emulator.sent.map((message) => message.payload.context)).toEqual([
			{ message_id: 'wamid.question' },
			...bodies()
				.slice(1)
				.map(() => undefined),
		]);
		expect(items[0].json).toMatchObject({
			messageId: fixture.emulator.sent[0].id,
			messageIds: fixture.emulator.sent.map((message) => message.id),
			parts: fixture.emulator.sent.length,
		});
	});

	it('without the option, an over-long text is refused before anything is sent', async () => {
		const { error } = await send({ messageType: 'text', text: 'x'.repeat(4097) });
		expect(error?.message).toBe(
			'Text must be at most 4096 characters (got 4097), or set Options › Split Text Longer Than to send it as several messages [item 0]',
		);
		expect(fixture.emulator.requests).toHaveLength(0);
	});

	it('a part that fails stops the rest and the error names the parts already sent', async () => {
		fixture.emulator.inject({
			path: '/messages',
			status: 400,
			body: { error: { code: 131009, message: 'Parameter value is not valid' } },
			times: 1,
			skip: 1,
		});
		const { items } = await send(
			{
				messageType: 'text',
				text: `${'a '.repeat(40)}\n\n${'b '.repeat(40)}\n\n${'c '.repeat(40)}`,
				options: { splitAt: 100 },
			},
			true,
		);
		const error = errorOf(items[0]);
		expect(error.message).toMatch(/^Part 2 of 3 of the text failed: /);
		expect(error.description).toContain(
			`Parts 1–1 were sent (${fixture.emulator.sent[0].id}). Part 2 was not sent`,
		);
		expect(fixture.emulator.sent).toHaveLength(1);
	});

	it('marks the replied message as read with "typing…" before sending', async () => {
		await send({
			messageType: 'text',
			text: 'Thinking done',
			options: { replyTo: 'wamid.in7', markAsReadAndType: true },
		});
		expect(fixture.emulator.requestsTo('POST', '/messages').map((request) => request.body)).toEqual(
			[
				{
					messaging_product: 'whatsapp',
					status: 'read',
					message_id: 'wamid.in7',
					typing_indicator: { type: 'text' },
				},
				expect.objectContaining({
					context: { message_id: 'wamid.in7' },
					text: { body: 'Thinking done', preview_url: false },
				}),
			],
		);
	});

	it('sends the reply even when the read receipt is refused, and says why in the item', async () => {
		// 360dialog refuses a receipt for a message older than 30 days or an unknown ID with 131009.
		fixture.emulator.inject({
			method: 'POST',
			path: '/messages',
			times: 1,
			status: 400,
			body: {
				error: {
					message: '(#131009) Parameter value is not valid',
					type: 'OAuthException',
					code: 131009,
				},
			},
		});
		const { items, error } = await send({
			messageType: 'text',
			text: 'Still here',
			options: { replyTo: 'wamid.old', markAsReadAndType: true },
		});
		expect(error).toBeUndefined();
		expect(fixture.emulator.sent).toHaveLength(1);
		expect(fixture.emulator.sent[0].payload).toMatchObject({
			context: { message_id: 'wamid.old' },
			text: { body: 'Still here' },
		});
		expect(items[0].json.messageId).toBe(fixture.emulator.sent[0].id);
		expect(items[0].json.readReceiptError).toContain(
			'The replied message wamid.old was not marked as read: ',
		);
		expect(items[0].json.readReceiptError).toContain('within the last 30 days');
	});
});
