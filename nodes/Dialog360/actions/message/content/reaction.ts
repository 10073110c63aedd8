import { readText } from '../../parameters';
import type { ContentReader } from './types';

export const readReactionContent: ContentReader<'reaction'> = (ctx, type, itemIndex) => ({
	content: {
		type,
		messageId: readText(ctx, 'reactionMessageId', itemIndex),
		emoji: readText(ctx, 'emoji', itemIndex),
	},
});
