/** Contact › Block, Unblock and List Blocked through n8n-core against the emulator, and a send to a blocked contact. */
import { useEmulator } from '../support/emulatorFixture';
import { emulatorCredentials, errorOf, runActionNode } from '../support/n8nCore';

const fixture = useEmulator();

const credentials = () => emulatorCredentials(fixture.baseUrl);
const phone = (index: number) => `+49151${String(index).padStart(8, '0')}`;

describe('Contact › Block and Unblock through n8n-core', () => {
	const { emulator } = fixture;

	it('blocks a list in one request and gives one item per contact, a refused one with why (partial success)', async () => {
		emulator.closedWindows.add('447700900123');
		const { items, error } = await runActionNode({
			parameters: {
				resource: 'contact',
				operation: 'block',
				contacts: '+49 151 12345678\n+44 7700 900123, 0049 171 1234567',
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				contact: '+49 151 12345678',
				waId: '4915112345678',
				blocked: true,
				error: null,
			}),
			{
				contact: '+44 7700 900123',
				waId: '447700900123',
				action: 'block',
				blocked: false,
				error: 'Re-engagement message: User has not messaged in the last 24 hours',
				errorCode: 131047,
				hint: expect.stringMatching(
					/Only a contact who wrote to this number in the last 24 hours can be blocked/,
				),
			},
			expect.objectContaining({ contact: '0049 171 1234567', blocked: true }),
		]);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(emulator.requestsTo('POST', '/block_users')).toHaveLength(1);
		expect(emulator.requestsTo('POST', '/block_users')[0].body).toEqual({
			messaging_product: 'whatsapp',
			block_users: [
				{ user: '+4915112345678' },
				{ user: '+447700900123' },
				{ user: '+491711234567' },
			],
		});
		expect([...emulator.blocked]).toEqual(['4915112345678', '491711234567']);
	});

	it('sends 1,500 contacts in two requests of 1,000 and 500, one item each, in order', async () => {
		const contacts = Array.from({ length: 1500 }, (_, index) => phone(index));
		const { items, error } = await runActionNode({
			parameters: { resource: 'contact', operation: 'block', contacts: '={{ $json.contacts }}' },
			items: [{ contacts }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		const requests = emulator.requestsTo('POST', '/block_users');
		expect(
			requests.map((request) => (request.body as { block_users: unknown[] }).block_users.length),
		).toEqual([1000, 500]);
		expect(items.map((item) => item.json.contact)).toEqual(contacts);
		expect(items.every((item) => item.json.blocked === true)).toBe(true);
		expect(emulator.blocked.size).toBe(1500);
	});

	it('a send to a blocked contact fails with the reason and how to undo it; after Unblock it goes', async () => {
		await runActionNode({
			parameters: { resource: 'contact', operation: 'block', contacts: '+4915112345678' },
			credentials: credentials(),
		});
		const send = {
			resource: 'message',
			operation: 'send',
			to: '+4915112345678',
			messageType: 'text',
			text: 'Hello',
		};
		const refused = await runActionNode({
			parameters: send,
			credentials: credentials(),
			continueOnFail: true,
		});
		const failure = errorOf(refused.items[0]);
		expect(failure.message).toMatch(/130403/);
		expect(failure.description).toMatch(/You blocked this contact/);
		expect(failure.description).toMatch(/Contact › Unblock/);
		expect(emulator.sent).toHaveLength(0);

		const unblocked = await runActionNode({
			parameters: { resource: 'contact', operation: 'unblock', contacts: '+4915112345678' },
			credentials: credentials(),
		});
		expect(unblocked.items[0].json).toEqual({
			contact: '+4915112345678',
			waId: '4915112345678',
			action: 'unblock',
			blocked: false,
			error: null,
			errorCode: null,
		});
		expect(emulator.requestsTo('DELETE', '/block_users')).toHaveLength(1);
		const sent = await runActionNode({ parameters: send, credentials: credentials() });
		expect(sent.error).toBeUndefined();
		expect(emulator.sent).toHaveLength(1);
	});

	it('refuses contacts that are neither a phone number nor a user ID before any request, naming each', async () => {
		const { items } = await runActionNode({
			parameters: {
				resource: 'contact',
				operation: 'block',
				contacts: '+4915112345678, call me, 12',
			},
			credentials: credentials(),
			continueOnFail: true,
		});
		const failure = errorOf(items[0]);
		expect(failure.message).toMatch(/^The Block request breaks 2 rules \[item 0\]/);
		expect(failure.description).toMatch(/Contacts entry 2: Recipient "call me"/);
		expect(failure.description).toMatch(/Contacts entry 3: /);
		expect(emulator.requestsTo('POST', '/block_users')).toHaveLength(0);
	});
});

describe('Contact › List Blocked through n8n-core', () => {
	const { emulator } = fixture;

	it('pages through the list with Return All, and stops at Limit', async () => {
		for (let index = 0; index < 250; index++) emulator.blocked.add(phone(index).slice(1));
		const all = await runActionNode({
			parameters: { resource: 'contact', operation: 'listBlocked', returnAll: true },
			credentials: credentials(),
		});
		expect(all.items).toHaveLength(250);
		expect(all.items[0].json).toEqual({
			waId: '4915100000000',
			phoneNumber: '+4915100000000',
			blocked: true,
		});
		expect(
			emulator.requestsTo('GET', '/block_users').map((request) => request.query.after ?? ''),
		).toEqual(['', '100', '200']);

		emulator.requests.length = 0;
		const some = await runActionNode({
			parameters: { resource: 'contact', operation: 'listBlocked', returnAll: false, limit: 3 },
			credentials: credentials(),
		});
		expect(some.items.map((item) => item.json.waId)).toEqual([
			'4915100000000',
			'4915100000001',
			'4915100000002',
		]);
		expect(emulator.requestsTo('GET', '/block_users')).toHaveLength(1);
		expect(emulator.requestsTo('GET', '/block_users')[0].query.limit).toBe('3');
	});
});
