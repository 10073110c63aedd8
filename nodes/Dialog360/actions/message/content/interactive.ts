import type { IExecuteFunctions } from 'n8n-workflow';

import type { ListRow } from '../../../domain/messages';
import { textOf } from '../../../domain/values';
import { collectionEntries, readText } from '../../parameters';
import type { ContentReader } from './types';

/** The texts every interactive message shares. */
export function interactiveText(ctx: IExecuteFunctions, itemIndex: number) {
	return {
		body: readText(ctx, 'body', itemIndex),
		header: readText(ctx, 'headerText', itemIndex),
		footer: readText(ctx, 'footer', itemIndex),
	};
}

export const readReplyButtonsContent: ContentReader<'replyButtons'> = (ctx, type, itemIndex) => ({
	content: {
		type,
		...interactiveText(ctx, itemIndex),
		buttons: collectionEntries(ctx, 'buttons', 'button', itemIndex).map((button) => ({
			id: textOf(button.id),
			title: textOf(button.title),
		})),
	},
});

export const readListContent: ContentReader<'list'> = (ctx, type, itemIndex) => ({
	content: {
		type,
		...interactiveText(ctx, itemIndex),
		button: readText(ctx, 'listButton', itemIndex),
		rows: collectionEntries(ctx, 'rows', 'row', itemIndex).map((row): ListRow => ({
			section: textOf(row.section),
			id: textOf(row.id),
			title: textOf(row.title),
			description: textOf(row.description),
		})),
	},
});

export const readCtaUrlContent: ContentReader<'ctaUrl'> = (ctx, type, itemIndex) => ({
	content: {
		type,
		...interactiveText(ctx, itemIndex),
		displayText: readText(ctx, 'ctaDisplayText', itemIndex),
		url: readText(ctx, 'ctaUrl', itemIndex),
	},
});

/** WhatsApp owns the button of a contact-info request: only the body is the sender's. */
export const readRequestContactInfoContent: ContentReader<'requestContactInfo'> = (
	ctx,
	type,
	itemIndex,
) => ({ content: { type, body: readText(ctx, 'body', itemIndex) } });
