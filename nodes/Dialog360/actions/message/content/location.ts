import { readText } from '../../parameters';
import type { ContentReader } from './types';

export const readLocationContent: ContentReader<'location'> = (ctx, type, itemIndex) => ({
	content: {
		type,
		latitude: Number(ctx.getNodeParameter('latitude', itemIndex)),
		longitude: Number(ctx.getNodeParameter('longitude', itemIndex)),
		name: readText(ctx, 'locationName', itemIndex),
		address: readText(ctx, 'address', itemIndex),
	},
});
