/**
 * The one text a person would read in an inbound message, for an AI agent or a chat flow: the body
 * of a text, the caption of a file, the title of a tapped button or list row, the text of a template
 * quick reply, a reaction's emoji, a location's name and address, the names of shared contacts.
 * Empty where a message has none (a sticker, a voice note). Shapes: Meta "Messages webhook reference".
 */
import { flowReplyOf } from './flowReply';
import { isRecord } from './values';

type Fields = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const part = (message: Fields, key: string): Fields =>
	isRecord(message[key]) ? (message[key] as Fields) : {};
const joined = (texts: string[], separator: string) => texts.filter(Boolean).join(separator);

function interactiveText(interactive: Fields): string {
	const reply = isRecord(interactive.button_reply) ? interactive.button_reply : undefined;
	if (reply) return text(reply.title);
	const row = isRecord(interactive.list_reply) ? interactive.list_reply : undefined;
	if (row) return joined([text(row.title), text(row.description)], ' – ');
	// A WhatsApp Flow's answer: the answered fields, else its body text ("Sent"), else the raw JSON.
	const flow = isRecord(interactive.nfm_reply) ? interactive.nfm_reply : undefined;
	if (flow)
		return flowReplyOf({ interactive })?.text || text(flow.body) || text(flow.response_json);
	return '';
}

function contactNames(cards: unknown): string {
	if (!Array.isArray(cards)) return '';
	return joined(
		cards.filter(isRecord).map((card) => {
			const name = isRecord(card.name) ? card.name : {};
			return (
				text(name.formatted_name) || joined([text(name.first_name), text(name.last_name)], ' ')
			);
		}),
		', ',
	);
}

export function messageTextOf(message: Fields): string {
	const type = text(message.type);
	switch (type) {
		case 'text':
			return text(part(message, 'text').body);
		case 'image':
		case 'video':
		case 'document':
			return text(part(message, type).caption);
		case 'interactive':
			return interactiveText(part(message, 'interactive'));
		case 'button': {
			const button = part(message, 'button');
			return text(button.text) || text(button.payload);
		}
		case 'reaction':
			return text(part(message, 'reaction').emoji);
		case 'location': {
			const location = part(message, 'location');
			return joined([text(location.name), text(location.address)], ', ');
		}
		case 'contacts':
			return contactNames(message.contacts);
		case 'order':
			return text(part(message, 'order').text);
		case 'system':
			return text(part(message, 'system').body);
		default:
			return '';
	}
}
