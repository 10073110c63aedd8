import { RecentEvents } from '../../nodes/Dialog360/domain/recentEvents';
import {
	eventIdentity,
	MalformedDeliveryError,
	matchesFilter,
	mediaOf,
	readDelivery,
} from '../../nodes/Dialog360/domain/webhookEvents';
import { webhookUrlViolations } from '../../nodes/Dialog360/domain/webhookUrl';

const metadata = { display_phone_number: '4930123456', phone_number_id: '1234567890' };

describe('readDelivery', () => {
	it('gives one event per message and status of a Cloud delivery, each with its contact', () => {
		const events = readDelivery({
			object: 'whatsapp_business_account',
			entry: [
				{
					id: 'WABA',
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata,
								contacts: [{ profile: { name: 'Ada' }, wa_id: '5511987654321' }],
								messages: [
									{
										from: '5511987654321',
										id: 'wamid.1',
										timestamp: '1700000000',
										type: 'text',
										text: { body: 'hi' },
									},
								],
								statuses: [
									{
										id: 'wamid.9',
										status: 'delivered',
										recipient_id: '447700900123',
										timestamp: '1700000001',
									},
									{
										id: 'wamid.9',
										status: 'read',
										recipient_id: '447700900123',
										timestamp: '1700000002',
									},
								],
							},
						},
					],
				},
			],
		});
		expect(events.map((event) => event.kind)).toEqual(['message', 'status', 'status']);
		expect(events[0]).toMatchObject({
			message: { type: 'text', text: { body: 'hi' } },
			contact: {
				phoneNumber: '+5511987654321',
				waId: '5511987654321',
				profileName: 'Ada',
				key: '551187654321',
				userId: null,
				parentUserId: null,
				username: null,
			},
			businessPhoneNumberId: '1234567890',
		});
		expect(events[2].contact).toMatchObject({ phoneNumber: '+447700900123', profileName: null });
	});

	it('reads the legacy top-level format', () => {
		const events = readDelivery({
			contacts: [{ profile: { name: 'Ada' }, wa_id: '4915112345678' }],
			messages: [
				{
					from: '4915112345678',
					id: 'ABGG',
					timestamp: '1504902988',
					type: 'text',
					text: { body: 'hi' },
				},
			],
		});
		expect(events).toHaveLength(1);
		expect(events[0].contact?.profileName).toBe('Ada');
		expect(events[0].businessPhoneNumberId).toBeNull();
	});

	it.each([[null], ['text'], [[1, 2]], [{ hello: 'world' }]])('rejects %j as malformed', (body) => {
		expect(() => readDelivery(body)).toThrow(MalformedDeliveryError);
	});
});

describe('event filters, identity and media', () => {
	const [message, status] = readDelivery({
		contacts: [{ wa_id: '4915112345678' }],
		messages: [
			{
				from: '4915112345678',
				id: 'wamid.a',
				type: 'image',
				image: { id: '55', mime_type: 'image/jpeg' },
			},
		],
		statuses: [{ id: 'wamid.b', status: 'read', recipient_id: '4915112345678' }],
	});

	it('matches kinds, message types and statuses; empty lists mean all', () => {
		expect(matchesFilter(message, { kinds: ['message'], messageTypes: [], statuses: [] })).toBe(
			true,
		);
		expect(
			matchesFilter(message, { kinds: ['message'], messageTypes: ['text'], statuses: [] }),
		).toBe(false);
		expect(matchesFilter(status, { kinds: ['message'], messageTypes: [], statuses: [] })).toBe(
			false,
		);
		expect(matchesFilter(status, { kinds: ['status'], messageTypes: [], statuses: ['read'] })).toBe(
			true,
		);
	});

	it('identifies a message by its id and a status by id and status', () => {
		expect(eventIdentity(message)).toBe('message:wamid.a');
		expect(eventIdentity(status)).toBe('status:wamid.b:read');
		expect(
			eventIdentity({
				kind: 'error',
				error: { code: 1 },
				contact: null,
				businessPhoneNumberId: null,
				businessDisplayPhoneNumber: null,
				wabaId: null,
			}),
		).toBeUndefined();
	});

	it('finds the media of a media message only', () => {
		expect(mediaOf(message)).toEqual({ id: '55', mime_type: 'image/jpeg' });
		expect(mediaOf(status)).toBeUndefined();
	});
});

describe('RecentEvents', () => {
	it('says first time once per id within the window, and again after it', () => {
		const recent = new RecentEvents(1000, 100);
		expect(recent.firstTime('a', 0)).toBe(true);
		expect(recent.firstTime('a', 999)).toBe(false);
		expect(recent.firstTime('a', 1000)).toBe(true);
	});

	it('stays within its size bound, forgetting the oldest', () => {
		const recent = new RecentEvents(60_000, 3);
		for (const id of ['a', 'b', 'c', 'd']) recent.firstTime(id, 0);
		expect(recent.size).toBe(3);
		expect(recent.firstTime('a', 1)).toBe(true);
		expect(recent.firstTime('d', 1)).toBe(false);
	});
});

describe('webhook URL rules', () => {
	it('accepts a public https URL without a port', () => {
		expect(webhookUrlViolations('https://n8n.example.com/webhook/abc/webhook')).toEqual([]);
	});

	it.each([
		['http://n8n.example.com/webhook', /only calls https URLs/],
		[
			'https://my_host.example.com/webhook',
			/refuses a "_" in the host name \(my_host\.example\.com\)/,
		],
		['https://n8n.example.com:5678/webhook', /refuses a URL with an explicit port \(:5678\)/],
		['https://localhost/webhook', /cannot reach localhost/],
		['not a url', /is not a URL/],
	])('refuses %s', (url, message) => {
		expect(
			webhookUrlViolations(url)
				.map((violation) => violation.message)
				.join('; '),
		).toMatch(message);
	});
});
