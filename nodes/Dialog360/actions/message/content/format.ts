import { markdownToWhatsApp } from '../../../domain/markdown';
import type { MessageContent } from '../../../domain/messages';
import type { SendingOptions } from '../sending';

/** The text of the content in WhatsApp formatting: Markdown converted when the option says so. */
export function formatted(
	content: MessageContent,
	format: SendingOptions['textFormat'],
): MessageContent {
	if (format !== 'markdown') return content;
	const convert = (text: string | undefined) =>
		text === undefined || text === '' ? text : markdownToWhatsApp(text);
	switch (content.type) {
		case 'text':
			return { ...content, body: convert(content.body) ?? '' };
		case 'image':
		case 'video':
		case 'document':
			return { ...content, caption: convert(content.caption) };
		case 'replyButtons':
		case 'list':
		case 'ctaUrl':
		case 'flow':
		case 'requestContactInfo':
			return { ...content, body: convert(content.body) ?? '' };
		default:
			return content;
	}
}
