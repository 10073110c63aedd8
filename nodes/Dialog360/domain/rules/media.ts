/** What each media kind accepts. */

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export interface MediaRule {
	/** Accepted MIME types; undefined for any (documents). */
	mimeTypes?: readonly string[];
	/** The accepted types as people name them. */
	formats: string;
	/** What else the kind's limit depends on. */
	note?: string;
	maxBytes: number;
	captions: boolean;
}

const MB = 1024 * 1024;

/**
 * What each media kind accepts: Meta's supported media types, and 360dialog's media page
 * (https://docs.360dialog.com/docs/waba-messaging/media/upload-retrieve-or-delete-media). Animated
 * stickers may be 500 KB; Meta refuses a static one over 100 KB after the upload.
 */
export const MEDIA_RULES: Record<MediaKind, MediaRule> = {
	image: {
		mimeTypes: ['image/jpeg', 'image/png'],
		formats: 'JPEG or PNG',
		maxBytes: 5 * MB,
		captions: true,
	},
	video: {
		mimeTypes: ['video/mp4', 'video/3gpp'],
		formats: 'MP4 or 3GPP',
		maxBytes: 16 * MB,
		captions: true,
	},
	audio: {
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		formats: 'AAC, AMR, MP3, MP4 or OGG (Opus)',
		maxBytes: 16 * MB,
		captions: false,
	},
	document: { formats: 'any file type', maxBytes: 100 * MB, captions: true },
	sticker: {
		mimeTypes: ['image/webp'],
		formats: 'WebP',
		note: 'a static sticker at most 100 KB',
		maxBytes: 500 * 1024,
		captions: false,
	},
};

export const MEDIA_KINDS = Object.keys(MEDIA_RULES) as MediaKind[];

/** Meta refuses media larger than this in any message (360dialog's media page). */
export const MAX_MEDIA_BYTES = 100 * MB;
