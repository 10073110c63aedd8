import type { IExecuteFunctions } from 'n8n-workflow';

import type { MessageContent, MessageType } from '../../../domain/messages';
import type { BinaryFile } from '../../parameters';

/** What Send read for one item: the message content, and the file to upload first when there is one. */
export interface ReadContent {
	content: MessageContent;
	file?: BinaryFile;
}

/** Reads the fields of one kind of message for one item. */
export type ContentReader<Type extends MessageType = MessageType> = (
	ctx: IExecuteFunctions,
	type: Type,
	itemIndex: number,
) => ReadContent | Promise<ReadContent>;
