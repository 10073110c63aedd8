/** Media messages and files: where the file comes from, its type and size for the kind it is sent as. */
import { capitalize, formatBytes, RuleChecks, sizeOverLimit, type Violation } from '../checks';
import { MEDIA_KINDS, MEDIA_RULES, type MediaKind } from '../rules/media';
import { MESSAGE_RULES } from '../rules/messages';
import { isWebUrl, type ContentPayload, type MediaSource, type PendingUpload } from './types';

function normalizeMimeType(mimeType: string | undefined): string {
	return (mimeType ?? '').split(';')[0].trim().toLowerCase();
}

function mediaFileViolations(kind: MediaKind, mimeType: string, bytes: number): Violation[] {
	const rule = MEDIA_RULES[kind];
	const label = capitalize(kind);
	const violations: Violation[] = [];
	if (rule.mimeTypes && !rule.mimeTypes.includes(mimeType)) {
		violations.push({
			field: label,
			message: `${label} must be ${rule.formats} (got ${mimeType || 'a file without a type'})`,
		});
	}
	if (bytes > rule.maxBytes) {
		violations.push({
			field: label,
			message: `${label} must be at most ${formatBytes(rule.maxBytes)} (got ${sizeOverLimit(bytes, rule.maxBytes)})`,
		});
	}
	if (bytes === 0) violations.push({ field: label, message: `${label} file is empty` });
	return violations;
}

/** A file about to be uploaded, checked as the kind chosen or, for "auto", the kind its type implies. */
export function checkMediaFile(
	kindChoice: string,
	mimeType: string | undefined,
	bytes: number,
): { kind: MediaKind; mimeType: string; violations: Violation[] } {
	const type = normalizeMimeType(mimeType) || 'application/octet-stream';
	const kind = (MEDIA_KINDS as string[]).includes(kindChoice)
		? (kindChoice as MediaKind)
		: mediaKindFor(type);
	return { kind, mimeType: type, violations: mediaFileViolations(kind, type, bytes) };
}

function mediaObject(
	kind: MediaKind,
	source: MediaSource,
	checks: RuleChecks,
): { media: Record<string, unknown>; pendingUpload?: PendingUpload } {
	const label = capitalize(kind);
	if ('link' in source) {
		if (!isWebUrl(source.link.trim()))
			checks.add(
				`${label} Link`,
				`${label} Link must be an http(s) URL that Meta can fetch (got "${source.link}")`,
			);
		return { media: { link: source.link.trim() } };
	}
	if ('id' in source) {
		if (source.id.trim() === '')
			checks.add(
				`${label} Media ID`,
				`${label} Media ID must not be empty (an ID from Media › Upload)`,
			);
		return { media: { id: source.id.trim() } };
	}
	const mimeType = normalizeMimeType(source.upload.mimeType);
	for (const violation of mediaFileViolations(kind, mimeType, source.upload.bytes))
		checks.add(violation.field, violation.message);
	return { media: {}, pendingUpload: { kind, mimeType, fileName: source.upload.fileName } };
}

/** Which kind a file of this type is sent as, when the user lets the package choose. */
export function mediaKindFor(mimeType: string): MediaKind {
	const type = normalizeMimeType(mimeType);
	for (const kind of ['sticker', 'image', 'video', 'audio'] as const) {
		if (MEDIA_RULES[kind].mimeTypes?.includes(type)) return kind;
	}
	return 'document';
}

/** An image, video, audio, document or sticker message: the file, and a caption or file name where allowed. */
export function mediaMessage(
	content: { type: MediaKind; media: MediaSource; caption?: string; filename?: string },
	checks: RuleChecks,
): ContentPayload {
	const { media, pendingUpload } = mediaObject(content.type, content.media, checks);
	if (content.caption) {
		if (!MEDIA_RULES[content.type].captions)
			checks.add(
				'Caption',
				`Caption is not allowed on ${content.type} messages: WhatsApp shows captions on images, videos and documents only`,
			);
		else {
			checks.length('Caption', content.caption, MESSAGE_RULES.caption);
			media.caption = content.caption;
		}
	}
	if (content.filename && content.type === 'document') {
		checks.length('File Name', content.filename, MESSAGE_RULES.filename);
		media.filename = content.filename;
	}
	return { body: { type: content.type, [content.type]: media }, pendingUpload };
}

/** Puts the id of an uploaded file into a payload built with `pendingUpload`. */
export function withMediaId(
	payload: Record<string, unknown>,
	kind: MediaKind,
	mediaId: string,
): Record<string, unknown> {
	return { ...payload, [kind]: { ...(payload[kind] as Record<string, unknown>), id: mediaId } };
}
