import type { INodeParameters } from 'n8n-workflow';

import { DIGITS, TO, useMessageSend } from '../support/messageSend';
import { emulatorCredentials, runActionNode, errorOf } from '../support/n8nCore';

const { fixture, send } = useMessageSend();

describe('Message › Send: rules checked before sending', () => {
	const cases: Array<[string, INodeParameters, string]> = [
		[
			'text one past 4096',
			{ messageType: 'text', text: 'x'.repeat(4097) },
			'Text must be at most 4096 characters (got 4097), or set Options › Split Text Longer Than to send it as several messages',
		],
		[
			'empty text (from an expression)',
			{ messageType: 'text', text: '={{ "" }}' },
			'Text must be at least 1 character (got 0)',
		],
		[
			'caption one past 1024',
			{
				messageType: 'image',
				mediaSource: 'link',
				mediaLink: 'https://e.x/a.jpg',
				caption: 'c'.repeat(1025),
			},
			'Caption must be at most 1024 characters (got 1025)',
		],
		[
			'four reply buttons',
			{
				messageType: 'replyButtons',
				body: 'b',
				buttons: { button: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })) },
			},
			'Buttons must be at most 3 (got 4)',
		],
		[
			'no reply buttons',
			{ messageType: 'replyButtons', body: 'b', buttons: {} },
			'Buttons needs at least 1 (got 0)',
		],
		[
			'button title one past 20',
			{
				messageType: 'replyButtons',
				body: 'b',
				buttons: { button: [{ id: 'a', title: 't'.repeat(21) }] },
			},
			'Button 1 Title must be at most 20 characters (got 21)',
		],
		[
			'button id one past 256',
			{
				messageType: 'replyButtons',
				body: 'b',
				buttons: { button: [{ id: 'i'.repeat(257), title: 'ok' }] },
			},
			'Button 1 ID must be at most 256 characters (got 257)',
		],
		[
			'duplicate button titles',
			{
				messageType: 'replyButtons',
				body: 'b',
				buttons: {
					button: [
						{ id: 'a', title: 'Same' },
						{ id: 'b', title: 'Same' },
					],
				},
			},
			'Button titles must be unique ("Same" is used twice)',
		],
		[
			'11 list rows',
			{
				messageType: 'list',
				body: 'b',
				listButton: 'Go',
				rows: { row: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` })) },
			},
			'Rows must be at most 10 (got 11)',
		],
		[
			'row title one past 24',
			{
				messageType: 'list',
				body: 'b',
				listButton: 'Go',
				rows: { row: [{ id: 'r', title: 'r'.repeat(25) }] },
			},
			'Row 1 Title must be at most 24 characters (got 25)',
		],
		[
			'row description one past 72',
			{
				messageType: 'list',
				body: 'b',
				listButton: 'Go',
				rows: { row: [{ id: 'r', title: 'r', description: 'd'.repeat(73) }] },
			},
			'Row 1 Description must be at most 72 characters (got 73)',
		],
		[
			'list button one past 20',
			{
				messageType: 'list',
				body: 'b',
				listButton: 'l'.repeat(21),
				rows: { row: [{ id: 'r', title: 'r' }] },
			},
			'List Button Text must be at most 20 characters (got 21)',
		],
		[
			'header one past 60',
			{
				messageType: 'replyButtons',
				body: 'b',
				headerText: 'h'.repeat(61),
				buttons: { button: [{ id: 'a', title: 'a' }] },
			},
			'Header Text must be at most 60 characters (got 61)',
		],
		[
			'footer one past 60',
			{
				messageType: 'ctaUrl',
				body: 'b',
				footer: 'f'.repeat(61),
				ctaDisplayText: 'Go',
				ctaUrl: 'https://e.x',
			},
			'Footer must be at most 60 characters (got 61)',
		],
		[
			'not a phone number',
			{ messageType: 'text', text: 'hi', to: 'call me' },
			'Recipient "call me" is neither a phone number nor a WhatsApp user ID',
		],
		[
			'latitude out of range',
			{ messageType: 'location', latitude: 91, longitude: 0 },
			'Latitude must be a number from -90 to 90 (got 91)',
		],
	];

	it.each(cases)('%s', async (_name, parameters, message) => {
		const { error } = await send(parameters);
		expect(error?.message).toContain(message);
		expect(error?.message).toMatch(/\[item 0\]$/);
		expect(fixture.emulator.sent).toHaveLength(0);
	});

	it('accepts every limit exactly at its boundary', async () => {
		const boundary: INodeParameters[] = [
			{ messageType: 'text', text: '😀'.repeat(4096) },
			{
				messageType: 'image',
				mediaSource: 'link',
				mediaLink: 'https://e.x/a.jpg',
				caption: 'c'.repeat(1024),
			},
			{
				messageType: 'replyButtons',
				body: 'b'.repeat(1024),
				headerText: 'h'.repeat(60),
				footer: 'f'.repeat(60),
				buttons: {
					button: ['1', '2', '3'].map((n) => ({ id: n.repeat(256), title: `${n}`.repeat(20) })),
				},
			},
			{
				messageType: 'list',
				body: 'b',
				listButton: 'l'.repeat(20),
				rows: {
					row: Array.from({ length: 10 }, (_, i) => ({
						section: `S${i}`.padEnd(24, 's'),
						id: `${i}`.padEnd(200, 'i'),
						title: `${i}`.padEnd(24, 't'),
						description: 'd'.repeat(72),
					})),
				},
			},
		];
		for (const parameters of boundary) {
			const { error } = await send(parameters);
			expect(error).toBeUndefined();
		}
		expect(fixture.emulator.sent).toHaveLength(boundary.length);
	});

	it('names every violation of an item at once and sends the other items (continueOnFail)', async () => {
		const { items } = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'send',
				to: '={{ $json.to }}',
				messageType: 'text',
				text: '={{ $json.text }}',
			},
			items: [
				{ to: TO, text: 'one' },
				{ to: 'nope', text: 'x'.repeat(5000) },
				{ to: TO, text: 'three' },
			],
			credentials: emulatorCredentials(fixture.baseUrl),
			continueOnFail: true,
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(errorOf(items[1]).message).toBe('The WhatsApp message breaks 2 rules [item 1]');
		expect(errorOf(items[1]).description).toBe(
			'• Recipient "nope" is neither a phone number nor a WhatsApp user ID: write a phone number with its country code (e.g. +44 7700 900123) or a WhatsApp user ID (e.g. DE.8827364519203746)\n• Text must be at most 4096 characters (got 5000), or set Options › Split Text Longer Than to send it as several messages\nNothing was sent.',
		);
		expect(
			fixture.emulator.sent.map((message) => (message.payload.text as { body: string }).body),
		).toEqual(['one', 'three']);
	});

	it('explains 131047: the 24-hour window is closed and a template is the way', async () => {
		fixture.emulator.closedWindows.add(DIGITS);
		const { error } = await send({ messageType: 'text', text: 'Hello again' });
		expect(error?.message).toContain('(#131047)');
		expect(error?.description).toContain(
			'More than 24 hours have passed since this contact last wrote to you',
		);
		expect(error?.description).toContain('Use Message › Send Template');
		expect(fixture.emulator.sent).toHaveLength(0);
	});
});
