import { MalformedDeliveryError, readDelivery } from '../../nodes/Dialog360/domain/webhookEvents';

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
								messages: [{ from: '5511987654321', id: 'wamid.1', timestamp: '1700000000', type: 'text', text: { body: 'hi' } }],
								statuses: [
									{ id: 'wamid.9', status: 'delivered', recipient_id: '447700900123', timestamp: '1700000001' },
									{ id: 'wamid.9', status: 'read', recipient_id: '447700900123', timestamp: '1700000002' },
								],
							},
						},
					],
				},
			],
		});
		expect(events.map((event) => event.kind)).toEqual(['message', 'status', 'status']);
		expect(events[0]).toMatchObject({
			type: 'text',
			text: { body: 'hi' },
			contact: { phoneNumber: '+5511987654321', waId: '5511987654321', profileName: 'Ada', contactKey: '551187654321', userId: null },
			businessPhoneNumberId: '1234567890',
		});
		expect(events[2].contact).toMatchObject({ phoneNumber: '+447700900123', profileName: null });
	});

	it('reads the legacy top-level format', () => {
		const events = readDelivery({
			contacts: [{ profile: { name: 'Ada' }, wa_id: '4915112345678' }],
			messages: [{ from: '4915112345678', id: 'ABGG', timestamp: '1504902988', type: 'text', text: { body: 'hi' } }],
		});
		expect(events).toHaveLength(1);
		expect(events[0].contact?.profileName).toBe('Ada');
		expect(events[0].businessPhoneNumberId).toBeNull();
	});

	it.each([[null], ['text'], [[1, 2]], [{ hello: 'world' }]])('rejects %j as malformed', (body) => {
		expect(() => readDelivery(body)).toThrow(MalformedDeliveryError);
	});
});
