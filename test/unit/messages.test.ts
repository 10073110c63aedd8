import {
	buildMessage,
	checkMediaFile,
	mediaKindFor,
	simplifySendResponse,
	withMediaId,
} from '../../nodes/Dialog360/domain/messages';
import { MEDIA_RULES } from '../../nodes/Dialog360/domain/rules/media';

const to = { to: '+4915112345678' };

describe('media files', () => {
	it.each(Object.entries(MEDIA_RULES))(
		'%s: the size limit passes, one byte more fails',
		(kind, rule) => {
			const type = rule.mimeTypes?.[0] ?? 'application/pdf';
			expect(checkMediaFile(kind, type, rule.maxBytes).violations).toEqual([]);
			expect(checkMediaFile(kind, type, rule.maxBytes + 1).violations[0].message).toMatch(
				/^\w+ must be at most [\d.]+ [KM]B \(got [\d,]+ bytes\)$/,
			);
		},
	);

	it('picks the kind from the type when asked to detect it', () => {
		expect(mediaKindFor('image/webp')).toBe('sticker');
		expect(mediaKindFor('image/jpeg; charset=binary')).toBe('image');
		expect(mediaKindFor('audio/ogg')).toBe('audio');
		expect(mediaKindFor('application/zip')).toBe('document');
		expect(checkMediaFile('auto', 'video/mp4', 10)).toEqual({
			kind: 'video',
			mimeType: 'video/mp4',
			violations: [],
		});
	});

	it('puts the uploaded id into a payload built for an upload', () => {
		const built = buildMessage(to, {
			type: 'image',
			media: { upload: { mimeType: 'image/png', bytes: 10 } },
			caption: 'hi',
		});
		expect(built.pendingUpload).toEqual({
			kind: 'image',
			mimeType: 'image/png',
			fileName: undefined,
		});
		expect(withMediaId(built.payload, 'image', '99').image).toEqual({ caption: 'hi', id: '99' });
	});
});

describe('message rules', () => {
	it('counts an emoji as one character', () => {
		expect(buildMessage(to, { type: 'text', body: '👍'.repeat(4096) }).violations).toEqual([]);
		expect(buildMessage(to, { type: 'text', body: '👍'.repeat(4097) }).violations[0].message).toBe(
			'Text must be at most 4096 characters (got 4097)',
		);
	});

	it('refuses a caption on audio and stickers', () => {
		expect(
			buildMessage(to, { type: 'audio', media: { id: '1' }, caption: 'no' }).violations[0].message,
		).toMatch(/^Caption is not allowed on audio messages/);
	});

	it('needs a section title on every row once a list has two sections', () => {
		const built = buildMessage(to, {
			type: 'list',
			body: 'b',
			button: 'Go',
			rows: [
				{ section: 'A', id: '1', title: 'One' },
				{ id: '2', title: 'Two' },
			],
		});
		expect(built.violations.map((violation) => violation.message)).toEqual([
			'Every row needs a Section Title when the list has more than one section',
		]);
	});

	it('checks the callback data length', () => {
		expect(
			buildMessage({ ...to, bizOpaqueCallbackData: 'x'.repeat(512) }, { type: 'text', body: 'a' })
				.violations,
		).toEqual([]);
		expect(
			buildMessage({ ...to, bizOpaqueCallbackData: 'x'.repeat(513) }, { type: 'text', body: 'a' })
				.violations[0].message,
		).toBe('Callback Data must be at most 512 characters (got 513)');
	});
});

describe('send answers', () => {
	it('keeps the wa_id the API returned next to the number sent to', () => {
		const answer = {
			contacts: [{ input: '5511912345678', wa_id: '551112345678' }],
			messages: [{ id: 'wamid.1', message_status: 'held_for_quality_assessment' }],
		};
		expect(
			simplifySendResponse(answer, {
				kind: 'phone',
				e164: '+5511912345678',
				digits: '5511912345678',
			}),
		).toEqual({
			addressedBy: 'phone',
			to: '+5511912345678',
			userId: null,
			waId: '551112345678',
			messageId: 'wamid.1',
			status: 'held_for_quality_assessment',
		});
	});

	it('says a send went to a user ID, and keeps the user id the API returned (no wa_id for a hidden number)', () => {
		const answer = {
			contacts: [{ input: 'DE.8827364519203746', user_id: 'DE.8827364519203746' }],
			messages: [{ id: 'wamid.2' }],
		};
		expect(
			simplifySendResponse(answer, {
				kind: 'userId',
				userId: 'DE.8827364519203746',
				parent: false,
			}),
		).toEqual({
			addressedBy: 'userId',
			to: null,
			userId: 'DE.8827364519203746',
			waId: null,
			messageId: 'wamid.2',
			status: 'accepted',
		});
	});
});

describe('every other message rule names the field, the problem and the rule', () => {
	const cases: Array<[string, Parameters<typeof buildMessage>[1], string]> = [
		[
			'CTA button text one past 20',
			{ type: 'ctaUrl', body: 'b', displayText: 'x'.repeat(21), url: 'https://e.x' },
			'Button Text must be at most 20 characters (got 21)',
		],
		[
			'CTA URL that is not a URL',
			{ type: 'ctaUrl', body: 'b', displayText: 'Go', url: 'e.x/order' },
			'Button URL must be an http(s) URL (got "e.x/order")',
		],
		[
			'contact without a formatted name',
			{ type: 'contacts', contacts: [{ formattedName: '' }] },
			'Contact 1 Formatted Name must be at least 1 character (got 0)',
		],
		['no contacts', { type: 'contacts', contacts: [] }, 'Contacts needs at least 1 (got 0)'],
		[
			'section title one past 24',
			{
				type: 'list',
				body: 'b',
				button: 'Go',
				rows: [{ section: 's'.repeat(25), id: '1', title: 't' }],
			},
			`Section "${'s'.repeat(25)}" Title must be at most 24 characters (got 25)`,
		],
		[
			'row id one past 200',
			{ type: 'list', body: 'b', button: 'Go', rows: [{ id: 'i'.repeat(201), title: 't' }] },
			'Row 1 ID must be at most 200 characters (got 201)',
		],
		[
			'duplicate row ids',
			{
				type: 'list',
				body: 'b',
				button: 'Go',
				rows: [
					{ id: 'a', title: 'one' },
					{ id: 'a', title: 'two' },
				],
			},
			'Row IDs must be unique ("a" is used twice)',
		],
		[
			'reaction without a message id',
			{ type: 'reaction', messageId: ' ', emoji: '👍' },
			'Message ID must be the wamid of the message to react to (it is empty)',
		],
		[
			'reaction that is a sentence',
			{ type: 'reaction', messageId: 'wamid.1', emoji: 'thumbs up please' },
			'Emoji must be one emoji, or empty to remove the reaction (got "thumbs up please")',
		],
		[
			'document file name one past 240',
			{ type: 'document', media: { id: '1' }, filename: `${'f'.repeat(237)}.pdf` },
			'File Name must be at most 240 characters (got 241)',
		],
		[
			'video link that is not a URL',
			{ type: 'video', media: { link: 'ftp://e.x/v.mp4' } },
			'Video Link must be an http(s) URL that Meta can fetch (got "ftp://e.x/v.mp4")',
		],
		[
			'empty media id',
			{ type: 'image', media: { id: '  ' } },
			'Image Media ID must not be empty (an ID from Media › Upload)',
		],
		[
			'longitude out of range',
			{ type: 'location', latitude: 0, longitude: -181 },
			'Longitude must be a number from -180 to 180 (got -181)',
		],
		[
			'duplicate button ids',
			{
				type: 'replyButtons',
				body: 'b',
				buttons: [
					{ id: 'x', title: 'One' },
					{ id: 'x', title: 'Two' },
				],
			},
			'Button IDs must be unique ("x" is used twice)',
		],
	];

	it.each(cases)('%s', (_name, content, message) => {
		expect(buildMessage(to, content).violations.map((violation) => violation.message)).toContain(
			message,
		);
	});

	it('a list of 11 sections is refused by its 10-row rule first, and 10 sections pass', () => {
		const rows = (count: number) =>
			Array.from({ length: count }, (_, i) => ({ section: `S${i}`, id: `${i}`, title: 'r' }));
		expect(
			buildMessage(to, { type: 'list', body: 'b', button: 'Go', rows: rows(10) }).violations,
		).toEqual([]);
		expect(
			buildMessage(to, { type: 'list', body: 'b', button: 'Go', rows: rows(11) }).violations.map(
				(violation) => violation.message,
			),
		).toEqual(['Rows must be at most 10 (got 11)', 'Sections must be at most 10 (got 11)']);
	});
});
