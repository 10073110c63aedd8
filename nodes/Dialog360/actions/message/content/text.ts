import { itemParameter, readText } from '../../parameters';
import type { ContentReader } from './types';

export const readTextContent: ContentReader<'text'> = (ctx, type, itemIndex) => ({
	content: {
		type,
		body: readText(ctx, 'text', itemIndex),
		previewUrl: itemParameter(ctx, 'previewUrl', itemIndex, false) as boolean,
		splittable: true,
	},
});
