/**
 * What `npm run dev` and `npm run emulator` show a new user: templates that use what Send Template
 * can do (media header and URL button, named variables, a coupon code, a location header, an
 * authentication template, a rejected and a paused one), and sample webhook events of every kind for
 * `npm run emulator -- deliver <kind>`.
 */
import {
	cloudDelivery,
	CONTACT,
	contactInfoShared,
	LIST_REPLY,
	MESSAGE_FIXTURES,
	STATUS_FIXTURES,
	userIdUpdate,
	usernameOnlyMessage,
	buttonTap,
	flowSubmission,
	flowTokenOf,
	replyButtonsOf,
	textFrom,
} from '../fixtures/webhooks';
import type { SentMessage, Template } from './server';

export const DEMO_TEMPLATES: Array<Partial<Template> & Pick<Template, 'name'>> = [
	{
		name: 'order_shipped',
		language: 'en_US',
		category: 'UTILITY',
		components: [
			{
				type: 'HEADER',
				format: 'IMAGE',
				example: { header_handle: ['https://example.com/parcel.jpg'] },
			},
			{
				type: 'BODY',
				text: 'Hi {{1}}, your order {{2}} is on its way.',
				example: { body_text: [['Ada', '#1042']] },
			},
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'URL', text: 'Track parcel', url: 'https://example.com/track/{{1}}' },
					{ type: 'QUICK_REPLY', text: 'Stop updates' },
				],
			},
		],
	},
	{
		name: 'welcome_named',
		language: 'en',
		category: 'MARKETING',
		parameter_format: 'NAMED',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Welcome {{first_name}}' },
			{
				type: 'BODY',
				text: 'Good to have you, {{first_name}}. Your member number is {{member_id}}.',
			},
		],
	},
	{
		name: 'spring_sale',
		language: 'en',
		category: 'MARKETING',
		components: [
			{ type: 'BODY', text: 'Spring sale: {{1}} off everything until {{2}}.' },
			{ type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SPRING25' }] },
		],
	},
	{
		name: 'store_visit',
		language: 'en',
		category: 'UTILITY',
		components: [
			{ type: 'HEADER', format: 'LOCATION' },
			{ type: 'BODY', text: 'See you on {{1}} at our store.' },
		],
	},
	{
		name: 'login_code',
		language: 'en',
		category: 'AUTHENTICATION',
		components: [
			{ type: 'BODY', text: '*{{1}}* is your verification code.' },
			{ type: 'FOOTER', text: 'This code expires in 10 minutes.' },
			// Submitted as an OTP button; Meta stores and lists it as a URL button.
			{
				type: 'BUTTONS',
				buttons: [
					{
						type: 'URL',
						text: 'Copy code',
						url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}',
					},
				],
			},
		],
	},
	{
		name: 'welcome_back',
		language: 'en',
		category: 'UTILITY',
		components: [{ type: 'BODY', text: 'Welcome back {{1}}!' }],
	},
	{
		name: 'black_friday',
		language: 'en',
		category: 'MARKETING',
		status: 'rejected',
		rejected_reason: 'TAG_CONTENT_MISMATCH',
		components: [{ type: 'BODY', text: 'Your account needs attention: {{1}}' }],
	},
	{
		name: 'appointment_reminder',
		language: 'en',
		category: 'UTILITY',
		status: 'paused',
		quality_score: { score: 'RED' },
		components: [{ type: 'BODY', text: 'Reminder: your appointment is tomorrow at {{1}}.' }],
	},
];

let sampleCount = 0;
/** A message id not seen before, so that the trigger takes every sample for new. */
const freshId = (kind: string) => `wamid.sample.${kind}.${Date.now()}.${++sampleCount}`;

/**
 * A sample as WhatsApp would send it now: every message, status and identity change in it carries the
 * current time (the fixtures' fixed 2023 times would show in `timestamp` and Send and Wait's
 * `respondedAt`).
 */
function atNow(delivery: unknown): unknown {
	if (Array.isArray(delivery)) return delivery.map(atNow);
	const timestamp = String(Math.floor(Date.now() / 1000));
	const { entry } = delivery as {
		entry?: Array<{ changes: Array<{ value: Record<string, unknown> }> }>;
	};
	for (const { value } of (entry ?? []).flatMap(({ changes }) => changes))
		for (const events of [value.messages, value.statuses, value.user_id_update])
			if (Array.isArray(events)) for (const event of events) event.timestamp = timestamp;
	return delivery;
}

const WAIT_PREFIX = 'n8nwait:';

/** The newest Send and Wait question the emulator sent: reply buttons or callback data of a wait. */
function lastQuestion(sent: SentMessage[], kind: 'buttons' | 'text'): SentMessage {
	const question = [...sent].reverse().find((message) => {
		if (kind === 'text')
			return String(message.payload.biz_opaque_callback_data ?? '').startsWith(WAIT_PREFIX);
		const interactive = message.payload.interactive as
			{ action?: { buttons?: Array<{ reply?: { id?: string } }> } } | undefined;
		return interactive?.action?.buttons?.some((button) =>
			String(button.reply?.id).startsWith(WAIT_PREFIX),
		);
	});
	if (!question)
		throw new Error(
			`No Send and Wait question with ${kind === 'text' ? 'Free Text' : 'Approval'} was sent through the emulator yet`,
		);
	return question;
}

/** Who a sent message went to, as their answer names them. */
function recipientOf(message: SentMessage): { waId?: string; userId?: string } {
	return typeof message.payload.recipient === 'string'
		? { userId: message.payload.recipient }
		: { waId: message.to };
}

function tapOnLastQuestion(sent: SentMessage[], index: number) {
	const question = lastQuestion(sent, 'buttons');
	const buttons = replyButtonsOf(question.payload);
	const button = buttons[Math.min(index, buttons.length - 1)];
	return buttonTap(freshId('tap'), button, recipientOf(question), question.id);
}

/** What the sample contact fills in the lead form (examples/lead-form.json). */
export const SAMPLE_FORM_FIELDS = {
	name: 'Ana Souza',
	email: 'ana@example.com',
	company: 'Acme Ltd',
	interest: 'Demo',
};

const isFlowMessage = (message: SentMessage) =>
	(message.payload.interactive as { type?: string } | undefined)?.type === 'flow';

/**
 * The submission of a flow message the emulator sent, by its recipient (or `from`), as WhatsApp
 * delivers it (fixtures' flowSubmission): its flow token and these fields in response_json.
 */
export function flowAnswerTo(
	question: SentMessage,
	fields: Record<string, unknown> = SAMPLE_FORM_FIELDS,
	from: { waId?: string; userId?: string } = recipientOf(question),
	responseJson?: string,
) {
	if (!isFlowMessage(question)) throw new Error(`emulator: ${question.id} is not a flow message`);
	const token = flowTokenOf(question.payload);
	return flowSubmission(freshId('flow'), token, fields, from, question.id, responseJson);
}

/** The recipient of the newest flow message submits it; without one, the sample contact a lead form. */
function flowAnswer(sent: SentMessage[], responseJson?: string) {
	const question = [...sent].reverse().find(isFlowMessage);
	if (question)
		return flowAnswerTo(question, SAMPLE_FORM_FIELDS, recipientOf(question), responseJson);
	const from = { waId: CONTACT.wa_id };
	const token = 'sample-flow-token';
	return flowSubmission(
		freshId('flow'),
		token,
		SAMPLE_FORM_FIELDS,
		from,
		freshId('asked'),
		responseJson,
	);
}

/**
 * Sample deliveries by kind; `lastSentId` is the last message the emulator accepted, for statuses,
 * and `sent` every message it accepted. A sample of several deliveries is an array, posted in order.
 */
type Sample = { description: string; build(lastSentId?: string, sent?: SentMessage[]): unknown };

const SAMPLES: Record<string, Sample> = {
	...Object.fromEntries(
		Object.entries(MESSAGE_FIXTURES).map(([kind, message]) => [
			kind,
			{
				description: `an inbound ${kind} message from +${CONTACT.wa_id}`,
				build: () =>
					cloudDelivery({
						contacts: [CONTACT],
						messages: [{ ...message, id: freshId(kind) }],
					}),
			},
		]),
	),
	list_reply: {
		description: 'an answer to a list message',
		build: () =>
			cloudDelivery({
				contacts: [CONTACT],
				messages: [{ ...LIST_REPLY, id: freshId('list') }],
			}),
	},
	...Object.fromEntries(
		Object.entries(STATUS_FIXTURES).map(([status, fixture]) => [
			status,
			{
				description: `a "${status}" status of the last message sent through the emulator`,
				build: (lastSentId?: string) =>
					cloudDelivery({
						statuses: [{ ...fixture, id: lastSentId ?? freshId(status) }],
					}),
			},
		]),
	),
	error: {
		description: 'an error about the number (not about one message)',
		build: () =>
			cloudDelivery({
				errors: [
					{
						code: 131056,
						title: 'Pair rate limit hit',
						message: 'Too many messages sent from this number to the same recipient',
					},
				],
			}),
	},
	username: {
		description: 'a text from a contact who hides their number behind a username',
		build: () => usernameOnlyMessage(freshId('username')),
	},
	identity_change: {
		description: "a contact's user ID changed (user_id_update)",
		build: () => userIdUpdate(),
	},
	contact_info: {
		description:
			'a username contact shares their phone number (the answer to Request Contact Info)',
		build: () => contactInfoShared(freshId('contactinfo')),
	},
	approve: {
		description: 'the recipient of the last Send and Wait question taps its first button',
		build: (_lastSentId, sent = []) => tapOnLastQuestion(sent, 0),
	},
	decline: {
		description: 'the recipient of the last Send and Wait question taps its second button',
		build: (_lastSentId, sent = []) => tapOnLastQuestion(sent, 1),
	},
	flow: {
		description:
			'the recipient of the last flow message (a Send and Wait form too) submits it: a lead form (nfm_reply)',
		build: (_lastSentId, sent = []) => flowAnswer(sent),
	},
	flow_broken: {
		description: 'a flow answer whose response_json is not valid JSON',
		build: (_lastSentId, sent = []) => flowAnswer(sent, '{"name": Ana'),
	},
	answer: {
		description:
			'the "sent" status of the last Free Text question, then its recipient answers "Friday"',
		build: (_lastSentId, sent = []) => {
			const question = lastQuestion(sent, 'text');
			return [
				{ statusOf: question.id },
				textFrom(freshId('answer'), 'Friday', recipientOf(question), question.id),
			];
		},
	},
};

export const SAMPLE_EVENTS: Record<string, Sample> = Object.fromEntries(
	Object.entries(SAMPLES).map(([kind, { description, build }]) => [
		kind,
		{ description, build: (...args: Parameters<Sample['build']>) => atNow(build(...args)) },
	]),
);
