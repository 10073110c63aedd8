/** End-to-end tests. Sending: texts, templates with generated parameters, phone numbers, and the other message and media operations. */
import { callWebhook, type E2eContext } from '../harness';

/** A text and a template, and the phone numbers the bundled libphonenumber-js reads. */
export function messagesTests(ctx: E2eContext): void {
	const { emulator } = ctx;

	it('sends a text and a template with generated parameters', async () => {
		emulator.seedTemplates(1, () => ({
			id: 'welcome1',
			name: 'welcome',
			language: 'en',
			components: [{ type: 'BODY', text: 'Welcome {{1}}!' }],
		}));
		const { status, body } = await callWebhook(`${ctx.n8n.webhookUrl}/webhook/smoke-messages`, {
			to: '+44 7700 900123',
			name: 'Ada',
		});
		expect(status).toBe(200);
		expect(body).toMatchObject({
			to: '+447700900123',
			waId: '447700900123',
			messageId: expect.stringMatching(/^wamid\./),
			status: 'accepted',
		});
		const [text, template] = emulator.sent;
		expect(text.payload).toMatchObject({
			to: '447700900123',
			type: 'text',
			text: { body: 'Hello Ada' },
		});
		expect(template.payload).toMatchObject({
			type: 'template',
			template: {
				name: 'welcome',
				language: { code: 'en' },
				components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
			},
		});
	});

	it('reads phone numbers with the bundled libphonenumber-js: national forms, a Brazilian legacy wa_id, and a number without a country', async () => {
		const sentBefore = emulator.sent.length;
		const numbers = [
			{ to: '(11) 98765-4321', country: 'BR' },
			{ to: '551187654321' }, // a Brazilian wa_id from before the 9th digit: sent as it is
			{ to: '+55 11 98765-4321' },
			{ to: '07700 900123', country: 'GB' },
			{ to: '07700 900123' },
		];
		const { status, body } = await callWebhook(`${ctx.n8n.webhookUrl}/webhook/smoke-phones`, {
			numbers,
		});
		expect(status).toBe(200);
		const outputs = body as Array<{ to?: string; error?: { message: string } }>;
		expect(outputs.slice(0, 4).map((output) => output.to)).toEqual([
			'+5511987654321',
			'+551187654321',
			'+5511987654321',
			'+447700900123',
		]);
		expect(outputs[4].error?.message).toContain('07700 900123');
		// Sent concurrently: they reach the emulator in any order.
		expect(
			emulator.sent
				.slice(sentBefore)
				.map((message) => message.to)
				.sort(),
		).toEqual(['5511987654321', '551187654321', '5511987654321', '447700900123'].sort());
	});
}

/** Every other operation in one chain (mark as read, list and image sends, media, templates). */
export function otherOperationsTests(ctx: E2eContext): void {
	const { emulator } = ctx;

	it('runs every other operation in one chain: mark as read, list and image sends, media upload, download and delete, template list, get and delete', async () => {
		emulator.seedTemplates(1, () => ({ id: 'ops1', name: 'ops_notice', language: 'de' }));
		const sentBefore = emulator.sent.length;
		const { status, body } = await callWebhook(`${ctx.n8n.webhookUrl}/webhook/smoke-operations`, {
			to: '+4915112345678',
			inbound: 'wamid.inbound1',
		});
		expect(status).toBe(200);
		expect(body).toEqual([{ success: true, name: 'ops_notice', deleted: 'all languages' }]);
		expect(
			emulator
				.requestsTo('POST', '/messages')
				.some((request) => (request.body as { status?: string }).status === 'read'),
		).toBe(true);
		expect(
			emulator.sent
				.slice(sentBefore)
				.map((message) => [
					message.payload.type,
					(message.payload.interactive as { type?: string } | undefined)?.type ?? null,
				]),
		).toEqual([
			['interactive', 'list'],
			['image', null],
		]);
		expect(emulator.requestsTo('POST', '/media')).toHaveLength(1);
		expect(emulator.requestsTo('GET', '/whatsapp_business/attachments/')).toHaveLength(1);
		expect(emulator.requestsTo('DELETE', '/')).toHaveLength(2); // the media, then the template
		expect(emulator.media.size).toBe(0);
		expect(emulator.templates.some((template) => template.name === 'ops_notice')).toBe(false);
	});
}
