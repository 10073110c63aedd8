import type { MediaSource } from '../../../domain/messages';
import type { MediaKind } from '../../../domain/rules/media';
import { readBinaryFile, readText } from '../../parameters';
import type { ContentReader } from './types';

/** An image, video, audio, document or sticker: by link, by media ID, or uploaded from a binary field. */
export const readMediaContent: ContentReader<MediaKind> = async (ctx, type, itemIndex) => {
	const source = ctx.getNodeParameter('mediaSource', itemIndex, 'link') as string;
	const caption = ['image', 'video', 'document'].includes(type)
		? readText(ctx, 'caption', itemIndex)
		: undefined;
	const filename = type === 'document' ? readText(ctx, 'filename', itemIndex) : undefined;
	if (source === 'binary') {
		const file = await readBinaryFile(
			ctx,
			itemIndex,
			readText(ctx, 'binaryPropertyName', itemIndex),
		);
		const media: MediaSource = {
			upload: { mimeType: file.mimeType, bytes: file.data.length, fileName: file.fileName },
		};
		return {
			content: {
				type,
				media,
				caption,
				filename: filename || (type === 'document' ? file.fileName : undefined),
			},
			file,
		};
	}
	const media: MediaSource =
		source === 'id'
			? { id: readText(ctx, 'mediaId', itemIndex) }
			: { link: readText(ctx, 'mediaLink', itemIndex) };
	return { content: { type, media, caption, filename } };
};
