import { randomUUID } from 'crypto';

import type { FlowAction } from '../../../domain/messages';
import { textOf } from '../../../domain/values';
import { readJsonObject, readText } from '../../parameters';
import { interactiveText } from './interactive';
import type { ContentReader } from './types';

/** A flow message; an empty Flow Token gets a random one, which Send returns as `flowToken`. */
export const readFlowContent: ContentReader<'flow'> = (ctx, type, itemIndex) => {
	const action = ctx.getNodeParameter('flowAction', itemIndex, 'navigate') as FlowAction;
	const navigate = action === 'navigate';
	return {
		content: {
			type,
			...interactiveText(ctx, itemIndex),
			flowId: textOf(ctx.getNodeParameter('flowId', itemIndex, '', { extractValue: true })),
			cta: readText(ctx, 'flowCta', itemIndex),
			flowToken: readText(ctx, 'flowReference', itemIndex) || randomUUID(),
			mode: ctx.getNodeParameter('flowMode', itemIndex, 'published') as 'published' | 'draft',
			action,
			screen: navigate ? readText(ctx, 'flowScreen', itemIndex) : undefined,
			data: navigate
				? readJsonObject(ctx, 'flowData', itemIndex, 'Screen Data', 'WhatsApp message')
				: undefined,
		},
	};
};
