import { Emulator } from '../emulator/server';
import { emulatorCredentials, runActionNode } from '../support/n8nCore';

describe('Profile › Get through n8n-core', () => {
	const emulator = new Emulator();
	let baseUrl: string;

	beforeAll(async () => {
		baseUrl = await emulator.start();
	});
	afterAll(() => emulator.stop());
	beforeEach(() => emulator.reset());

	it('returns the simplified profile with the readable vertical, one item per input item', async () => {
		const { items, error } = await runActionNode({
			parameters: { resource: 'profile', operation: 'get' },
			items: [{ a: 1 }, { a: 2 }],
			credentials: emulatorCredentials(baseUrl),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({
			about: 'Hello from the 360dialog emulator',
			address: '1 Test Street',
			description: 'An emulated WhatsApp business',
			email: 'hello@example.com',
			vertical: 'RETAIL',
			verticalLabel: 'Shopping and Retail',
			websites: ['https://example.com'],
			profilePictureUrl: 'https://pps.whatsapp.net/emulated.jpg',
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const requests = emulator.requestsTo('GET', '/whatsapp_business_profile');
		expect(requests).toHaveLength(2);
		expect(requests[0].authorized).toBe(true);
		expect(requests[0].query.fields).toContain('vertical');
	});
});
