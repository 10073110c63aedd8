/** Send's content readers: one per kind of message, each reading that kind's fields for one item. */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { MessageType } from '../../../domain/messages';
import { readContactsContent } from './contacts';
import { readFlowContent } from './flow';
import {
	readCtaUrlContent,
	readListContent,
	readReplyButtonsContent,
	readRequestContactInfoContent,
} from './interactive';
import { readLocationContent } from './location';
import { readMediaContent } from './media';
import { readReactionContent } from './reaction';
import { readTextContent } from './text';
import type { ContentReader, ReadContent } from './types';

export type { ReadContent } from './types';

const READERS: { [Type in MessageType]: ContentReader<Type> } = {
	text: readTextContent,
	image: readMediaContent,
	video: readMediaContent,
	audio: readMediaContent,
	document: readMediaContent,
	sticker: readMediaContent,
	location: readLocationContent,
	contacts: readContactsContent,
	replyButtons: readReplyButtonsContent,
	list: readListContent,
	ctaUrl: readCtaUrlContent,
	requestContactInfo: readRequestContactInfoContent,
	flow: readFlowContent,
	reaction: readReactionContent,
};

/** The content of the message type chosen for this item. */
export async function readContent<Type extends MessageType>(
	ctx: IExecuteFunctions,
	type: Type,
	itemIndex: number,
): Promise<ReadContent> {
	const reader: ContentReader<Type> = READERS[type];
	return await reader(ctx, type, itemIndex);
}
export { formatted } from './format';
