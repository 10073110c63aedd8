import type { INodeParameters } from 'n8n-workflow';

import { jpegOfSize, pngOfSize } from '../support/images';
import { DIGITS, TO, useMessageSend } from '../support/messageSend';
import { binaryItem, emulatorCredentials, runActionNode, errorOf } from '../support/n8nCore';

const { fixture, send } = useMessageSend();

describe('Message › Send: each type reaches the API with the Cloud payload', () => {
	const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: DIGITS };
	const cases: Array<[string, INodeParameters, Record<string, unknown>]> = [
		[
			'text with link preview',
			{ messageType: 'text', text: 'Hi *there* https://example.com', previewUrl: true },
			{ type: 'text', text: { body: 'Hi *there* https://example.com', preview_url: true } },
		],
		[
			'image by link with caption',
			{
				messageType: 'image',
				mediaSource: 'link',
				mediaLink: 'https://example.com/a.jpg',
				caption: 'Look',
			},
			{ type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'Look' } },
		],
		[
			'video by media id',
			{ messageType: 'video', mediaSource: 'id', mediaId: '1234567890' },
			{ type: 'video', video: { id: '1234567890' } },
		],
		[
			'audio by link (no caption)',
			{ messageType: 'audio', mediaSource: 'link', mediaLink: 'https://example.com/a.ogg' },
			{ type: 'audio', audio: { link: 'https://example.com/a.ogg' } },
		],
		[
			'document with file name',
			{
				messageType: 'document',
				mediaSource: 'link',
				mediaLink: 'https://example.com/i.pdf',
				filename: 'invoice.pdf',
				caption: 'Your invoice',
			},
			{
				type: 'document',
				document: {
					link: 'https://example.com/i.pdf',
					caption: 'Your invoice',
					filename: 'invoice.pdf',
				},
			},
		],
		[
			'sticker',
			{ messageType: 'sticker', mediaSource: 'id', mediaId: '42' },
			{ type: 'sticker', sticker: { id: '42' } },
		],
		[
			'location',
			{
				messageType: 'location',
				latitude: 52.52,
				longitude: 13.405,
				locationName: 'Office',
				address: 'Berlin',
			},
			{
				type: 'location',
				location: { latitude: 52.52, longitude: 13.405, name: 'Office', address: 'Berlin' },
			},
		],
		[
			'contacts',
			{
				messageType: 'contacts',
				contacts: {
					contact: [
						{
							formattedName: 'Ada Lovelace',
							firstName: 'Ada',
							phone: '+4915112345678',
							waId: '4915112345678',
							email: 'ada@example.com',
							company: 'Engines',
						},
					],
				},
			},
			{
				type: 'contacts',
				contacts: [
					{
						name: { formatted_name: 'Ada Lovelace', first_name: 'Ada' },
						phones: [{ phone: '+4915112345678', type: 'CELL', wa_id: '4915112345678' }],
						emails: [{ email: 'ada@example.com', type: 'WORK' }],
						org: { company: 'Engines' },
					},
				],
			},
		],
		[
			'reply buttons',
			{
				messageType: 'replyButtons',
				body: 'Pick one',
				headerText: 'Hello',
				footer: 'Thanks',
				buttons: {
					button: [
						{ title: 'Yes', id: 'y' },
						{ title: 'No', id: 'n' },
					],
				},
			},
			{
				type: 'interactive',
				interactive: {
					type: 'button',
					header: { type: 'text', text: 'Hello' },
					body: { text: 'Pick one' },
					footer: { text: 'Thanks' },
					action: {
						buttons: [
							{ type: 'reply', reply: { id: 'y', title: 'Yes' } },
							{ type: 'reply', reply: { id: 'n', title: 'No' } },
						],
					},
				},
			},
		],
		[
			'list with two sections',
			{
				messageType: 'list',
				body: 'Menu',
				listButton: 'Open',
				rows: {
					row: [
						{ section: 'Food', id: 'f1', title: 'Pizza', description: 'Hot' },
						{ section: 'Drinks', id: 'd1', title: 'Tea' },
						{ section: 'Food', id: 'f2', title: 'Salad' },
					],
				},
			},
			{
				type: 'interactive',
				interactive: {
					type: 'list',
					body: { text: 'Menu' },
					action: {
						button: 'Open',
						sections: [
							{
								title: 'Food',
								rows: [
									{ id: 'f1', title: 'Pizza', description: 'Hot' },
									{ id: 'f2', title: 'Salad' },
								],
							},
							{ title: 'Drinks', rows: [{ id: 'd1', title: 'Tea' }] },
						],
					},
				},
			},
		],
		[
			'CTA URL button',
			{
				messageType: 'ctaUrl',
				body: 'Track your order',
				ctaDisplayText: 'Track',
				ctaUrl: 'https://example.com/o/1',
			},
			{
				type: 'interactive',
				interactive: {
					type: 'cta_url',
					body: { text: 'Track your order' },
					action: {
						name: 'cta_url',
						parameters: { display_text: 'Track', url: 'https://example.com/o/1' },
					},
				},
			},
		],
		[
			'reaction',
			{ messageType: 'reaction', reactionMessageId: 'wamid.abc', emoji: '❤️' },
			{ type: 'reaction', reaction: { message_id: 'wamid.abc', emoji: '❤️' } },
		],
		[
			'reaction removal (empty emoji)',
			{ messageType: 'reaction', reactionMessageId: 'wamid.abc', emoji: '' },
			{ type: 'reaction', reaction: { message_id: 'wamid.abc', emoji: '' } },
		],
	];

	it.each(cases)('%s', async (_name, parameters, expected) => {
		const { items, error } = await send(parameters);
		expect(error).toBeUndefined();
		expect(fixture.emulator.sent).toHaveLength(1);
		expect(fixture.emulator.sent[0].payload).toEqual({ ...envelope, ...expected });
		expect(items[0].json).toEqual({
			addressedBy: 'phone',
			to: '+447700900123',
			userId: null,
			waId: DIGITS,
			messageId: fixture.emulator.sent[0].id,
			status: 'accepted',
		});
	});

	it('adds reply-to and callback data, and reads a national number with the default country', async () => {
		const { error } = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'send',
				to: '07700 900123',
				messageType: 'text',
				text: 'Hi',
				options: {
					defaultCountry: 'GB',
					replyTo: 'wamid.quoted',
					bizOpaqueCallbackData: 'order-7',
				},
			},
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(error).toBeUndefined();
		expect(fixture.emulator.sent[0].payload).toMatchObject({
			to: DIGITS,
			context: { message_id: 'wamid.quoted' },
			biz_opaque_callback_data: 'order-7',
		});
	});

	it('returns the raw API answer when Simplify is off', async () => {
		const { items } = await send({ messageType: 'text', text: 'Hi', simplify: false });
		expect(items[0].json).toEqual({
			messaging_product: 'whatsapp',
			contacts: [{ input: DIGITS, wa_id: DIGITS }],
			messages: [{ id: expect.stringMatching(/^wamid\./) }],
		});
	});
});

describe('Message › Send: media from a binary field', () => {
	it('uploads the file through /media (multipart) and sends its id', async () => {
		const photo = jpegOfSize(320, 200);
		const { items, error } = await send(
			{
				messageType: 'image',
				mediaSource: 'binary',
				binaryPropertyName: 'data',
				caption: 'From n8n',
			},
			[binaryItem(photo, 'image/jpeg', 'photo.jpg')],
		);
		expect(error).toBeUndefined();
		const [upload] = fixture.emulator.requestsTo('POST', '/media');
		expect(upload.body).toEqual({
			file: { filename: 'photo.jpg', contentType: 'image/jpeg', bytes: photo.length },
			type: 'image/jpeg',
		});
		const mediaId = [...fixture.emulator.media.keys()][0];
		expect(fixture.emulator.media.get(mediaId)?.data.equals(photo)).toBe(true);
		expect(fixture.emulator.sent[0].payload.image).toEqual({ id: mediaId, caption: 'From n8n' });
		expect(items[0].json.messageId).toMatch(/^wamid\./);
	});

	it('refuses a file of the wrong type before uploading anything', async () => {
		const { error } = await send(
			{ messageType: 'sticker', mediaSource: 'binary', binaryPropertyName: 'data' },
			[binaryItem(pngOfSize(64, 64), 'image/png', 's.png')],
		);
		expect(error?.message).toBe('Sticker must be WebP (got image/png) [item 0]');
		expect(fixture.emulator.requests).toHaveLength(0);
	});
});

describe('Message › Mark as Read', () => {
	it('posts status read with the typing indicator when asked', async () => {
		const { items, error } = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'markAsRead',
				messageId: 'wamid.in1',
				typingIndicator: true,
			},
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', '/messages')[0].body).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.in1',
			typing_indicator: { type: 'text' },
		});
		expect(items[0].json).toEqual({ success: true, messageId: 'wamid.in1' });
	});
});

describe('Media', () => {
	it('uploads, downloads the same bytes through the rewritten URL, and deletes', async () => {
		const photo = pngOfSize(100, 100);
		const upload = await runActionNode({
			parameters: {
				resource: 'media',
				operation: 'upload',
				binaryPropertyName: 'data',
				mediaKind: 'auto',
			},
			items: [binaryItem(photo, 'image/png', 'logo.png')],
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(upload.error).toBeUndefined();
		const mediaId = upload.items[0].json.mediaId as string;
		expect(upload.items[0].json).toEqual({
			mediaId,
			kind: 'image',
			mimeType: 'image/png',
			fileName: 'logo.png',
			bytes: photo.length,
		});

		const download = await runActionNode({
			parameters: { resource: 'media', operation: 'download', mediaId, binaryPropertyName: 'file' },
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(download.error).toBeUndefined();
		expect(download.items[0].json).toEqual({
			mediaId,
			mimeType: 'image/png',
			fileSize: photo.length,
			sha256: 'emulated',
		});
		const binary = download.items[0].binary?.file;
		expect(binary?.mimeType).toBe('image/png');
		expect(Buffer.from(binary?.data ?? '', 'base64').equals(photo)).toBe(true);
		const [fetch] = fixture.emulator.requestsTo('GET', '/whatsapp_business/attachments/');
		expect(fetch.authorized).toBe(true);

		const removed = await runActionNode({
			parameters: { resource: 'media', operation: 'delete', mediaId },
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(removed.items[0].json).toEqual({ success: true, mediaId });
		expect(fixture.emulator.media.has(mediaId)).toBe(false);
	});

	it('refuses a file too large for its kind before uploading', async () => {
		const { error } = await runActionNode({
			parameters: {
				resource: 'media',
				operation: 'upload',
				binaryPropertyName: 'data',
				mediaKind: 'sticker',
			},
			items: [binaryItem(Buffer.alloc(600 * 1024, 1), 'image/webp', 's.webp')],
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(error?.message).toBe('Sticker must be at most 500 KB (got 600 KB) [item 0]');
		expect(fixture.emulator.requests).toHaveLength(0);
	});
});

describe('Message › Send: a run that stops', () => {
	it('without Continue On Fail stops starting sends at the first failure, lets those in flight finish, and lists what was already sent', async () => {
		fixture.emulator.latencyMs = 150;
		try {
			const items = Array.from({ length: 10 }, (_, n) => ({
				n,
				to: n === 3 ? 'not a number' : `+4915112${String(n).padStart(6, '0')}`,
			}));
			const { error } = await runActionNode({
				parameters: {
					resource: 'message',
					operation: 'send',
					to: '={{ $json.to }}',
					messageType: 'text',
					text: '={{ "n " + $json.n }}',
					options: { maxConcurrent: 3, messagesPerSecond: 0 },
				},
				items,
				credentials: emulatorCredentials(fixture.baseUrl),
			});
			expect(error?.message).toContain('"not a number"');
			expect(error?.context?.itemIndex).toBe(3);
			// Every send that went out finished and is listed with its message ID; nothing after the stop started.
			const sent = fixture.emulator.sent;
			expect(sent.length).toBeGreaterThanOrEqual(3);
			expect(sent.length).toBeLessThan(items.length - 1);
			const listed =
				/Already done before the run stopped, do not send again: (.*)\./.exec(
					error?.description ?? '',
				)?.[1] ?? '';
			for (const message of sent) {
				const n = Number((message.payload.text as { body: string }).body.slice(2));
				expect(listed).toContain(`item ${n} (${message.id})`);
			}
			expect(listed.split('), ').length).toBe(sent.length);
		} finally {
			fixture.emulator.latencyMs = 0;
		}
	});

	it('reports a send answered with HTTP 502 after the message went out as possibly sent, once', async () => {
		fixture.emulator.inject({ path: '/messages', status: 502, afterProcessing: true });
		const { items } = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'send',
				to: TO,
				messageType: 'text',
				text: 'Hello',
			},
			items: [{}],
			credentials: emulatorCredentials(fixture.baseUrl),
			continueOnFail: true,
		});
		expect(errorOf(items[0])).toMatchObject({ ambiguous: true, httpCode: '502' });
		expect(errorOf(items[0]).description).toContain('Retry Server Errors (May Send Twice)');
		expect(fixture.emulator.sent).toHaveLength(1);
	});
});
