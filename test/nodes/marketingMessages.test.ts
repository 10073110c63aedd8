/**
 * Send Template › Send Through › Marketing Messages Lite, through n8n-core against the emulator: the
 * endpoint, the fallback to the Cloud API on each documented "not available" refusal, and no fallback
 * (nor any repeat) when the first request may have gone out.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Fault, Template } from '../emulator/server';
import { useEmulator } from '../support/emulatorFixture';
import { sentText } from '../support/bulk';
import { mapperValue } from '../support/mapper';
import { emulatorCredentials, errorOf, runActionNode } from '../support/n8nCore';

const fixture = useEmulator();

const SPRING_SALE: Partial<Template> = {
	id: 'mkt1',
	name: 'spring_sale',
	language: 'en',
	category: 'MARKETING',
	components: [{ type: 'BODY', text: 'Hi {{1}}, 20% off this week.' }],
};
const ORDER_READY: Partial<Template> = {
	id: 'utl1',
	name: 'order_ready',
	language: 'en',
	category: 'UTILITY',
	components: [{ type: 'BODY', text: 'Hi {{1}}, your order is ready.' }],
};

beforeEach(() => {
	fixture.emulator.seedTemplates(1, () => SPRING_SALE);
	fixture.emulator.seedTemplates(1, () => ORDER_READY);
});

function sendTemplate(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return runActionNode({
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			to: '+4915112345678',
			template: { __rl: true, mode: 'list', value: 'spring_sale|en' },
			templateParameters: mapperValue({ body_1: 'Ada' }),
			sendThrough: 'marketing_messages',
			...parameters,
		},
		items: options.items,
		credentials: emulatorCredentials(fixture.baseUrl),
		continueOnFail: options.continueOnFail ?? false,
	});
}

/** The sends each endpoint received (accepted or not). */
function received() {
	return {
		marketing: fixture.emulator.requestsTo('POST', '/marketing_messages').length,
		cloudApi: fixture.emulator.requestsTo('POST', '/messages').length,
	};
}

describe('Send Template through Marketing Messages Lite', () => {
	it('sends to /marketing_messages with the same body, activity sharing and the TTL in seconds', async () => {
		const { items, error } = await sendTemplate({
			messageActivitySharing: true,
			timeToLiveHours: 24,
		});
		expect(error).toBeUndefined();
		expect(received()).toEqual({ marketing: 1, cloudApi: 0 });
		const [sent] = fixture.emulator.sent;
		expect(sent.via).toBe('marketing_messages');
		expect(sent.payload).toMatchObject({
			messaging_product: 'whatsapp',
			to: '4915112345678',
			type: 'template',
			template: { name: 'spring_sale', language: { code: 'en' } },
			message_activity_sharing: true,
			message_send_ttl_seconds: 86_400,
		});
		expect(items[0].json).toMatchObject({
			messageId: sent.id,
			sentThrough: 'marketing_messages',
			fellBackBecause: null,
		});
	});

	it('refuses a TTL outside 12 hours to 30 days, naming the field and the rule, before sending', async () => {
		const { error } = await sendTemplate({ timeToLiveHours: 6 });
		expect(error?.message).toContain('Time to Live (Hours) must be between 12 and 720 hours');
		expect(received()).toEqual({ marketing: 0, cloudApi: 0 });
	});
});

describe('Falling back to the Cloud API', () => {
	// Each documented refusal of MM Lite that says the message was not accepted, as 360dialog answers it.
	const refusal = (status: number, code: number, message: string, details?: string): Fault => ({
		method: 'POST',
		path: '/marketing_messages',
		status,
		body: {
			detail: {
				error: {
					message,
					type: 'OAuthException',
					code,
					...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
				},
			},
		},
	});
	it.each<[string, Fault, string]>([
		[
			'terms not accepted (#200)',
			refusal(
				403,
				200,
				'(#200) You must accept the Marketing Messages Lite API terms to use the API.',
			),
			'termsNotAccepted',
		],
		[
			"terms not accepted, as 360dialog's sandbox page answers it (#131055)",
			refusal(
				400,
				131055,
				'(#200) You must accept the Marketing Messages Lite API terms to use the API.',
			),
			'termsNotAccepted',
		],
		[
			'a template that is not marketing (#131055)',
			refusal(
				400,
				131055,
				'(#131055) Method not allowed',
				'Only marketing template messages are supported',
			),
			'notMarketingTemplate',
		],
		[
			'a message that is not a template (#100)',
			refusal(400, 100, '(#100) Invalid parameter', 'Message must be a template message.'),
			'notTemplateMessage',
		],
		[
			'a template not yet synced for MM Lite (#131009)',
			refusal(400, 131009, '(#131009) Parameter value is not valid'),
			'templateNotSynced',
		],
	])('falls back on %s and says so', async (_, fault, reason) => {
		fixture.emulator.inject(fault);
		const { items, error } = await sendTemplate({ timeToLiveHours: 48 });
		expect(error).toBeUndefined();
		expect(received()).toEqual({ marketing: 1, cloudApi: 1 });
		expect(fixture.emulator.sent).toHaveLength(1);
		// The Cloud API gets the Cloud API body: MM Lite's own fields stay behind.
		expect(fixture.emulator.sent[0].payload).not.toHaveProperty('message_send_ttl_seconds');
		expect(items[0].json).toMatchObject({
			messageId: fixture.emulator.sent[0].id,
			sentThrough: 'messages',
			fellBackBecause: reason,
		});
	});

	it("falls back when the emulated number's business has not accepted the terms", async () => {
		fixture.emulator.marketingOnboarding = 'termsNotAccepted';
		const { items } = await sendTemplate({});
		expect(received()).toEqual({ marketing: 1, cloudApi: 1 });
		expect(items[0].json).toMatchObject({
			sentThrough: 'messages',
			fellBackBecause: 'termsNotAccepted',
		});
	});

	it('without fallback, reports the refusal with its rule and sends nothing else', async () => {
		fixture.emulator.marketingOnboarding = 'termsNotAccepted';
		const { error } = await sendTemplate({ fallBackToCloudApi: false });
		expect(error?.message).toContain('You must accept the Marketing Messages Lite API terms');
		expect(error?.description).toContain('has not accepted the Marketing Messages Lite terms');
		expect(error?.description).toContain('Turn on Fall Back to Cloud API');
		expect(received()).toEqual({ marketing: 1, cloudApi: 0 });
	});

	it('sends a utility template through the Cloud API without asking MM Lite, when fallback is on', async () => {
		const { items } = await sendTemplate({
			template: { __rl: true, mode: 'list', value: 'order_ready|en' },
		});
		expect(received()).toEqual({ marketing: 0, cloudApi: 1 });
		expect(items[0].json).toMatchObject({
			sentThrough: 'messages',
			fellBackBecause: 'notMarketingTemplate',
		});
	});

	it('refuses a utility template through MM Lite without fallback, naming the rule', async () => {
		const { error } = await sendTemplate({
			template: { __rl: true, mode: 'list', value: 'order_ready|en' },
			fallBackToCloudApi: false,
		});
		expect(error?.message).toContain(
			'Template order_ready (en) is UTILITY: Marketing Messages Lite sends marketing templates only',
		);
		expect(error?.description).toContain('Nothing was sent.');
		expect(received()).toEqual({ marketing: 0, cloudApi: 0 });
	});
});

describe('Never sending twice when MM Lite fails ambiguously', () => {
	it.each<[string, Fault, string | undefined]>([
		['the connection drops after the request was read', { drop: 'afterRead' }, undefined],
		['a 502 after the message was accepted', { status: 502, afterProcessing: true }, '502'],
		['a 500 after the message was accepted', { status: 500, afterProcessing: true }, '500'],
		['an answer that cannot be read', { garbleAnswer: true }, undefined],
	])('%s: possibly sent, no fallback, no repeat', async (_, fault, httpCode) => {
		fixture.emulator.inject({ method: 'POST', path: '/marketing_messages', ...fault });
		const { items } = await sendTemplate({}, { continueOnFail: true });
		expect(errorOf(items[0]).ambiguous).toBe(true);
		if (httpCode) expect(errorOf(items[0]).httpCode).toBe(httpCode);
		expect(errorOf(items[0]).message).toContain('may or may not have been processed');
		// One request in all, and the emulator took the message exactly once.
		expect(received()).toEqual({ marketing: 1, cloudApi: 0 });
		expect(fixture.emulator.sent).toHaveLength(1);
	});

	it('does not fall back on an error answer that is not a documented refusal', async () => {
		fixture.emulator.inject({
			method: 'POST',
			path: '/marketing_messages',
			status: 400,
			body: { error: { message: '(#132000) Number of parameters does not match', code: 132000 } },
		});
		const { items } = await sendTemplate({}, { continueOnFail: true });
		expect(errorOf(items[0]).message).toContain('132000');
		expect(received()).toEqual({ marketing: 1, cloudApi: 0 });
	});
});

describe('Per item', () => {
	it('honours Continue On Fail per item and keeps the order of one contact', async () => {
		// Item 1 is refused without fallback (#131009 has no fallback here); the others go through MM Lite.
		fixture.emulator.inject({
			method: 'POST',
			path: '/marketing_messages',
			skip: 1,
			status: 400,
			body: {
				detail: { error: { message: '(#131009) Parameter value is not valid', code: 131009 } },
			},
		});
		const { items } = await sendTemplate(
			{
				fallBackToCloudApi: false,
				templateParameters: mapperValue({ body_1: '={{ $json.name }}' }),
			},
			{ items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], continueOnFail: true },
		);
		expect(items).toHaveLength(3);
		expect(items[0].json).toMatchObject({ sentThrough: 'marketing_messages' });
		expect(errorOf(items[1]).description).toContain('still syncing for MM Lite');
		expect(items[2].json).toMatchObject({ sentThrough: 'marketing_messages' });
		const names = fixture.emulator.sent.map((sent) => sentText(sent));
		expect(names).toEqual(['A', 'C']);
	});

	it("keeps one contact's order across a fallback: the next message waits for the Cloud API send", async () => {
		fixture.emulator.inject({
			method: 'POST',
			path: '/marketing_messages',
			skip: 1,
			status: 400,
			body: {
				detail: { error: { message: '(#131009) Parameter value is not valid', code: 131009 } },
			},
		});
		const { items } = await sendTemplate(
			{
				templateParameters: mapperValue({ body_1: '={{ $json.name }}' }),
				options: { maxConcurrent: 3 },
			},
			{ items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] },
		);
		expect(items.map((item) => item.json.sentThrough)).toEqual([
			'marketing_messages',
			'messages',
			'marketing_messages',
		]);
		expect(fixture.emulator.sent.map((sent) => sentText(sent))).toEqual(['A', 'B', 'C']);
	});
});
