import { useEmulator } from '../support/emulatorFixture';
import { jpegOfSize } from '../support/images';
import { binaryItem, emulatorCredentials, runActionNode, errorOf } from '../support/n8nCore';

const fixture = useEmulator();

describe('Profile › Get through n8n-core', () => {
	const { emulator } = fixture;

	it('returns the simplified profile with the readable vertical, one item per input item', async () => {
		const { items, error } = await runActionNode({
			parameters: { resource: 'profile', operation: 'get' },
			items: [{ a: 1 }, { a: 2 }],
			credentials: emulatorCredentials(fixture.baseUrl),
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

describe('Profile › Get raw', () => {
	it('returns the API answer as it came when Simplify is off', async () => {
		const { items } = await runActionNode({
			parameters: { resource: 'profile', operation: 'get', simplify: false },
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(items[0].json).toEqual({
			data: [
				expect.objectContaining({
					messaging_product: 'whatsapp',
					vertical: 'RETAIL',
					profile_picture_url: expect.any(String),
				}),
			],
		});
	});
});

describe('Profile › Update through n8n-core', () => {
	const { emulator } = fixture;

	it('sends only the fields added, and a Get returns them', async () => {
		const update = await runActionNode({
			parameters: {
				resource: 'profile',
				operation: 'update',
				updateFields: {
					about: 'Open 9–5 ☀️',
					vertical: 'HEALTH',
					websites: ['https://a.example', 'https://b.example'],
				},
			},
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(update.error).toBeUndefined();
		expect(update.items[0].json).toEqual({
			success: true,
			updated: ['about', 'vertical', 'websites'],
		});
		expect(emulator.requestsTo('POST', '/whatsapp_business_profile')[0].body).toEqual({
			messaging_product: 'whatsapp',
			about: 'Open 9–5 ☀️',
			vertical: 'HEALTH',
			websites: ['https://a.example', 'https://b.example'],
		});

		const get = await runActionNode({
			parameters: { resource: 'profile', operation: 'get' },
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(get.items[0].json).toMatchObject({
			about: 'Open 9–5 ☀️',
			vertical: 'HEALTH',
			verticalLabel: 'Medical and Health',
			websites: ['https://a.example', 'https://b.example'],
			address: '1 Test Street',
		});
	});

	it('uploads a photo through both resumable-upload steps, then sets the handle, with warnings', async () => {
		const photo = jpegOfSize(640, 480);
		const { items, error } = await runActionNode({
			parameters: {
				resource: 'profile',
				operation: 'update',
				updateFields: { photoBinaryProperty: 'data' },
			},
			items: [binaryItem(photo, 'image/jpeg', 'logo.jpg')],
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(error).toBeUndefined();
		const [open] = emulator.requestsTo('POST', '/uploads');
		expect(open.query).toMatchObject({
			file_length: String(photo.length),
			file_type: 'image/jpeg',
			file_name: 'logo.jpg',
		});
		const [bytes] = emulator.requestsTo('POST', '/upload:');
		expect(bytes.body).toEqual({ bytes: photo.length });
		const [profile] = emulator.requestsTo('POST', '/whatsapp_business_profile');
		expect((profile.body as Record<string, string>).profile_picture_handle).toMatch(/^4:/);
		expect(items[0].json).toEqual({
			success: true,
			updated: ['profile_picture'],
			warnings: [expect.stringContaining('not square (640 × 480)')],
		});
		expect(emulator.profile.profile_picture_url).toContain('pps.whatsapp.net');
	});

	it('reports every violation of an item at once, sends nothing for it, and goes on with the others', async () => {
		const { items } = await runActionNode({
			parameters: {
				resource: 'profile',
				operation: 'update',
				updateFields: { about: '={{ $json.about }}', email: '={{ $json.email }}' },
			},
			items: [
				{ about: 'fine', email: 'a@b.io' },
				{ about: 'x'.repeat(150), email: 'nope' },
				{ about: 'also fine', email: 'c@d.io' },
			],
			credentials: emulatorCredentials(fixture.baseUrl),
			continueOnFail: true,
		});
		expect(items).toHaveLength(3);
		expect(items[0].json).toMatchObject({ success: true });
		expect(errorOf(items[1]).message).toBe('The WhatsApp business profile breaks 2 rules [item 1]');
		expect(errorOf(items[1]).description).toBe(
			'• About must be at most 139 characters (got 150)\n• Email must be a valid address like name@example.com (got "nope")\nNothing was sent.',
		);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[2].json).toMatchObject({ success: true });
		expect(emulator.requestsTo('POST', '/whatsapp_business_profile')).toHaveLength(2);
	});

	it('rejects a photo that is not JPEG or PNG before any upload', async () => {
		const { error } = await runActionNode({
			parameters: {
				resource: 'profile',
				operation: 'update',
				updateFields: { photoBinaryProperty: 'data' },
			},
			items: [binaryItem(Buffer.from('GIF89a-not-allowed'), 'image/gif', 'a.gif')],
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(error?.message).toBe(
			'Profile Photo must be a JPEG or PNG image (the file is neither) [item 0]',
		);
		expect(emulator.requests).toHaveLength(0);
	});
});
