/**
 * The trigger's parameters and its canvas subtitle; the node file keeps its identity (name, icon,
 * version, webhooks), as the action node's parts live in actions/.
 */
import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../actions/descriptions/collections';
import { capitalize } from '../domain/checks';
import { MESSAGE_TYPES, STATUS_VALUES } from '../domain/webhookEvents';
import { MERGE_RULES } from './receive';
import { MAX_EXTRA_DESTINATIONS } from './registration';

/** The events a workflow can start on; the canvas subtitle names them the same way. */
const EVENT_OPTIONS = [
	{ name: 'Messages', value: 'message', description: 'What contacts send' },
	{
		name: 'Statuses',
		value: 'status',
		description: 'Sent, delivered, read and failed updates of your messages',
	},
	{ name: 'Errors', value: 'error', description: 'Errors WhatsApp reports outside a status' },
	{
		name: 'Identity Changes',
		value: 'identityChange',
		description:
			"A contact's user ID was replaced (they changed their phone number): the old and new IDs, to relink a record",
	},
	{
		name: 'Business App Messages',
		value: 'echo',
		description:
			'Messages a person sent from the WhatsApp Business app on a number that also uses the API (coexistence): a sign that someone has taken over the chat',
	},
];

/** The canvas subtitle: "On messages, statuses"; with no event chosen the trigger only carries Send and Wait answers. */
export const triggerSubtitle = `={{ $parameter["events"].length ? "On " + $parameter["events"].map((event) => (${JSON.stringify(
	Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name.toLowerCase()])),
)})[event] ?? event).join(", ") : "Send and Wait answers only" }}`;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"Activating registers this URL with 360dialog, deactivating puts the previous one back; a test never takes over a URL in use. With 360dialog's own hosts (not a custom base URL), WEBHOOK_URL must be public https on port 443. Nothing arrives? Run Account › Get Webhook Configuration and Get Health.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Register As',
		name: 'registerAs',
		type: 'options',
		default: 'main',
		options: [
			{
				name: 'Replace the Main Webhook URL',
				value: 'main',
				description:
					'The number sends its events here; the previous URL is put back when the workflow is deactivated',
			},
			{
				name: 'Add as an Extra Destination',
				value: 'extra',
				description: `Keep the main URL (for example a CRM) and receive a copy of each event; at most ${MAX_EXTRA_DESTINATIONS} extra destinations per number`,
			},
		],
		description: 'How this workflow joins the webhook of the number',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		default: ['message', 'status'],
		options: EVENT_OPTIONS,
		description:
			'Which events start the workflow; each event is one item. Answers to Send and Wait for Response go to the executions that wait for them whatever is chosen here, and start nothing; with none chosen the trigger only carries those answers.',
	},
	{
		displayName: 'Message Types',
		name: 'messageTypes',
		type: 'multiOptions',
		default: [],
		options: MESSAGE_TYPES.map((type) => ({ name: capitalize(type), value: type })),
		description: 'Only messages of these types; none chosen means every type',
		displayOptions: { show: { events: ['message'] } },
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: [],
		options: STATUS_VALUES.map((status) => ({ name: capitalize(status), value: status })),
		description: 'Only these statuses; none chosen means every status',
		displayOptions: { show: { events: ['status'] } },
	},
	optionsCollection([
		{
			displayName: 'Acknowledge',
			name: 'acknowledge',
			type: 'options',
			default: 'stored',
			options: [
				{
					name: 'After the Execution Is Stored',
					value: 'stored',
					description:
						'If n8n cannot store it, 360dialog gets an error and delivers the event again later',
				},
				{
					name: 'At Once',
					value: 'atOnce',
					description:
						'Answers 360dialog before n8n stores the execution: faster under load, but an event n8n fails to store (database or Redis down, process killed) is not delivered again',
				},
			],
			description:
				'When 360dialog gets its 200. It wants an answer at once and slows down a number whose webhook answers slowly.',
		},
		{
			displayName: 'Merge Messages From One Contact Within (Seconds)',
			name: 'mergeSeconds',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MERGE_RULES.maxSeconds },
			default: 0,
			description: `People often type one thought as several messages. With a number of seconds, messages of one contact that follow each other within it start one execution: one item whose text joins theirs in order and which keeps every message (and, with Download Media, every file); an answer to a Free Text question of Send and Wait is the whole burst. 0 starts one per message. At most ${MERGE_RULES.maxSeconds} s; 360dialog gets its answer at once either way.`,
		},
		{
			displayName: 'Download Media',
			name: 'downloadMedia',
			type: 'boolean',
			default: false,
			description:
				'Whether to download the file of image, video, audio, document and sticker messages into the item',
		},
		{
			displayName: 'Put Media in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description:
				'The binary field that receives the downloaded file. In merged messages the first file goes here, the second to this name with _2 (data_2), the third with _3, and each message names its field in binaryField.',
		},
	]),
];
