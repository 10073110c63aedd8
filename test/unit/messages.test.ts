import { buildMessage, checkMediaFile, mediaKindFor, simplifySendResponse, withMediaId } from '../../nodes/Dialog360/domain/messages';
import { MEDIA_RULES } from '../../nodes/Dialog360/domain/rules';

const to = { to: '+4915112345678' };

describe('media files', () => {
	it.each(Object.entries(MEDIA_RULES))('%s: the size limit passes, one byte more fails', (kind, rule) => {
		const type = rule.mimeTypes?.[0] ?? 'application/pdf';
		expect(checkMediaFile(kind, type, rule.maxBytes).violations).toEqual([]);
		expect(checkMediaFile(kind, type, rule.maxBytes + 1).violations[0].message).toMatch(/must be at most .* \(got .*\) — /);
	});

	it('picks the kind from the type when asked to detect it', () => {
		expect(mediaKindFor('image/webp')).toBe('sticker');
		expect(mediaKindFor('image/jpeg; charset=binary')).toBe('image');
		expect(mediaKindFor('audio/ogg')).toBe('audio');
		expect(mediaKindFor('application/zip')).toBe('document');
		expect(checkMediaFile('auto', 'video/mp4', 10)).toEqual({ kind: 'video', mimeType: 'video/mp4', violations: [] });
	});

	it('puts the uploaded id into a payload built for an upload', () => {
		const built = buildMessage(to, { type: 'image', media: { upload: { mimeType: 'image/png', bytes: 10 } }, caption: 'hi' });
		expect(built.pendingUpload).toEqual({ kind: 'image', mimeType: 'image/png', fileName: undefined });
		expect(withMediaId(built.payload, 'image', '99').image).toEqual({ caption: 'hi', id: '99' });
	});
});

describe('message rules', () => {
	it('counts an emoji as one character', () => {
		expect(buildMessage(to, { type: 'text', body: '👍'.repeat(4096) }).violations).toEqual([]);
		expect(buildMessage(to, { type: 'text', body: '👍'.repeat(4097) }).violations[0].message).toBe('Text must be at most 4096 characters (got 4097)');
	});

	it('refuses a caption on audio and stickers', () => {
		expect(buildMessage(to, { type: 'audio', media: { id: '1' }, caption: 'no' }).violations[0].message).toMatch(/^Caption is not allowed on audio messages/);
	});

	it('needs a section title on every row once a list has two sections', () => {
		const built = buildMessage(to, { type: 'list', body: 'b', button: 'Go', rows: [{ section: 'A', id: '1', title: 'One' }, { id: '2', title: 'Two' }] });
		expect(built.violations.map((violation) => violation.message)).toEqual(['Every row needs a Section Title when the list has more than one section — Cloud API list [M] §4.1']);
	});

	it('checks the callback data length', () => {
		expect(buildMessage({ ...to, bizOpaqueCallbackData: 'x'.repeat(512) }, { type: 'text', body: 'a' }).violations).toEqual([]);
		expect(buildMessage({ ...to, bizOpaqueCallbackData: 'x'.repeat(513) }, { type: 'text', body: 'a' }).violations[0].message).toBe('Callback Data must be at most 512 characters (got 513)');
	});
});

describe('send answers', () => {
	it('keeps the wa_id the API returned next to the number sent to', () => {
		const answer = { contacts: [{ input: '5511912345678', wa_id: '551112345678' }], messages: [{ id: 'wamid.1', message_status: 'held_for_quality_assessment' }] };
		expect(simplifySendResponse(answer, '+5511912345678')).toEqual({ to: '+5511912345678', waId: '551112345678', messageId: 'wamid.1', status: 'held_for_quality_assessment' });
	});
});
