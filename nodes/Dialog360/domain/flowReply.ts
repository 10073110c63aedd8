/**
 * The answer to a WhatsApp Flow (a form inside the chat): an inbound interactive message of type
 * `nfm_reply`, read into the form's fields, the token the flow was sent with, and a text that lists
 * the answered fields for a person or an AI agent.
 *
 * Meta, "Receiving Flow Response":
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/guides/receiveflowresponse
 * (messages[].type "interactive", interactive.type "nfm_reply", nfm_reply.name "flow", body "Sent",
 * response_json a JSON *string* with `flow_token` and the fields the flow's completing screen returns;
 * the response carries neither the flow's ID nor its name).
 */
import { isRecord } from './values';

type Fields = Record<string, unknown>;

export interface FlowReply {
	/** The form's fields: response_json parsed, without `flow_token`. Absent when it is not a JSON object. */
	flowResponse?: Fields;
	/** The `flow_token` the flow was sent with; null when the answer has none. */
	flowToken: string | null;
	/**
	 * The name WhatsApp gives the reply (`nfm_reply.name`: "flow" for a Flow, "address_message" for an
	 * address form). WhatsApp does not send the flow's own name or ID: put what identifies the flow
	 * in the flow token or in a field of the completing screen's payload.
	 */
	flowName: string | null;
	/** response_json as it came, when it could not be read as a JSON object. */
	flowResponseRaw?: string;
	/** Why response_json could not be read. */
	flowResponseError?: string;
	/** The answered fields, one "Label: value" per line ('' when none could be read). */
	text: string;
}

/**
 * WhatsApp Manager's Flow Builder names a form's fields `screen_<n>_<Label>_<n>` (e.g.
 * `screen_0_First_name_0`); the label is the part in between.
 */
const BUILDER_NAME = /^screen_\d+_(.+)_\d+$/;

/** A field's key as a person reads it: "first_name" and "firstName" are "First name". */
export function fieldLabel(key: string): string {
	const words = (BUILDER_NAME.exec(key)?.[1] ?? key)
		.replace(/([a-z0-9])([A-Z])(?=[a-z])/g, (_, before: string, capital: string) => {
			return `${before} ${capital.toLowerCase()}`;
		})
		.replace(/[_\-\s]+/g, ' ')
		.trim();
	return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/** A field's value as text: lists joined, yes/no for a checkbox, objects as JSON. */
function valueText(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
	if (value === null || value === undefined) return '';
	return JSON.stringify(value);
}

/** The answered fields, "Label: value" one per line; unanswered (empty) fields are left out. */
export function formText(fields: Fields): string {
	return Object.entries(fields)
		.map(([key, value]) => [fieldLabel(key), valueText(value)])
		.filter(([, value]) => value !== '')
		.map(([label, value]) => `${label}: ${value}`)
		.join('\n');
}

/** The flow answer in a message, or undefined when the message is not an `nfm_reply`. */
export function flowReplyOf(message: Fields | undefined): FlowReply | undefined {
	const interactive = isRecord(message?.interactive) ? message.interactive : undefined;
	const reply = isRecord(interactive?.nfm_reply) ? interactive.nfm_reply : undefined;
	if (!reply) return undefined;
	const flowName = typeof reply.name === 'string' && reply.name !== '' ? reply.name : null;
	const raw = reply.response_json;
	let parsed: unknown;
	let error: string | undefined;
	if (typeof raw !== 'string') error = 'response_json is missing or not a string';
	else
		try {
			parsed = JSON.parse(raw) as unknown;
			if (!isRecord(parsed)) error = 'response_json is not a JSON object';
		} catch (cause) {
			error = `response_json is not valid JSON: ${(cause as Error).message}`;
		}
	if (error !== undefined || !isRecord(parsed))
		return {
			flowToken: null,
			flowName,
			flowResponseRaw: typeof raw === 'string' ? raw : JSON.stringify(raw ?? null),
			flowResponseError: error ?? 'response_json is not a JSON object',
			text: '',
		};
	const { flow_token: token, ...fields } = parsed;
	return {
		flowResponse: fields,
		flowToken: typeof token === 'string' && token !== '' ? token : null,
		flowName,
		text: formText(fields),
	};
}

/** What a flow answer adds to the trigger's item (its text is the item's `text`, messageText.ts). */
export function flowItemFields(message: Fields | undefined): Omit<FlowReply, 'text'> | undefined {
	const reply: Partial<FlowReply> | undefined = flowReplyOf(message);
	if (!reply) return undefined;
	delete reply.text;
	return reply as Omit<FlowReply, 'text'>;
}
