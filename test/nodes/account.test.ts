/** Account › Get Health and Get Webhook Configuration through n8n-core, and the trigger's notice that points to them. */
import { Dialog360Trigger } from '../../nodes/Dialog360/Dialog360Trigger.node';
import { setHealth } from '../emulator/routes/health';
import { useEmulator } from '../support/emulatorFixture';
import { emulatorCredentials, runActionNode } from '../support/n8nCore';

const fixture = useEmulator();
const credentials = () => emulatorCredentials(fixture.baseUrl);

describe('Account › Get Health through n8n-core', () => {
	const { emulator } = fixture;

	it('says the number can send when every entity is available', async () => {
		const { items, error } = await runActionNode({
			parameters: { resource: 'account', operation: 'getHealth' },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			canSendMessage: 'AVAILABLE',
			canSend: true,
			summary: 'The number can send messages.',
			problems: [],
			phoneNumberId: '100000000000001',
			wabaId: '200000000000002',
		});
	});

	it('names the entity that blocks the number, with its reason and solution', async () => {
		setHealth(emulator, {
			entityType: 'BUSINESS',
			state: 'BLOCKED',
			errorCode: 141000,
			description: 'The business is not verified',
			solution: 'Verify the business in Meta Business Manager',
		});
		const { items } = await runActionNode({
			parameters: { resource: 'account', operation: 'getHealth' },
			credentials: credentials(),
		});
		expect(items[0].json).toMatchObject({
			canSend: false,
			summary:
				'The number cannot send messages. Blocked by the business portfolio: The business is not verified.',
			problems: [
				{
					entityType: 'BUSINESS',
					state: 'BLOCKED',
					reason: 'The business is not verified',
					solution: 'Verify the business in Meta Business Manager',
					errorCode: 141000,
				},
			],
		});
		const raw = await runActionNode({
			parameters: { resource: 'account', operation: 'getHealth', simplify: false },
			credentials: credentials(),
		});
		expect(raw.items[0].json).toEqual(emulator.health);
	});
});

describe('Account › Get Webhook Configuration through n8n-core', () => {
	const { emulator } = fixture;
	// n8n's webhook address in the test run (n8nCore's instanceBaseUrl), and a trigger's URL on it.
	const triggerUrl = 'http://127.0.0.1:5678/webhook/6f1c2b8e-0001-4f7a-8f43-0000000000a1/webhook';

	it("gives the URLs with header names only, and marks this n8n's trigger", async () => {
		emulator.webhook = {
			url: triggerUrl,
			headers: { 'x-n8n-360dialog-secret': 'MAIN-SECRET-VALUE' },
		};
		emulator.multiWebhook = {
			enabled: true,
			destinations: [
				{
					name: 'crm',
					url: 'https://crm.example.com/in',
					headers: { Authorization: 'Bearer CRM-SECRET' },
				},
			],
		};
		const { items, error } = await runActionNode({
			parameters: { resource: 'account', operation: 'getWebhookConfiguration' },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(JSON.stringify(items)).not.toMatch(/MAIN-SECRET-VALUE|CRM-SECRET/);
		expect(items[0].json).toEqual({
			main: {
				name: 'main',
				url: triggerUrl,
				headerNames: ['x-n8n-360dialog-secret'],
				isThisN8nTrigger: true,
				why: "It is this n8n's webhook address with the 360dialog WhatsApp Trigger's path.",
			},
			extraDestinationsEnabled: true,
			extraDestinations: [
				{
					name: 'crm',
					url: 'https://crm.example.com/in',
					headerNames: ['Authorization'],
					isThisN8nTrigger: false,
					why: 'It is another system, not this n8n.',
				},
			],
			reachesThisN8n: true,
			summary: "360dialog sends events to this n8n's trigger (main).",
		});
	});

	it('says so when no main URL is set (360dialog answers 404)', async () => {
		const { items, error } = await runActionNode({
			parameters: { resource: 'account', operation: 'getWebhookConfiguration' },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			main: { url: null, headerNames: [], isThisN8nTrigger: false },
			reachesThisN8n: false,
			summary: expect.stringMatching(/^No main webhook URL is set/),
		});
	});

	it('still answers when extra destinations cannot be read, and says why', async () => {
		emulator.webhook = { url: 'https://crm.example.com/in', headers: {} };
		emulator.inject({
			method: 'GET',
			path: '/multi_webhook',
			status: 403,
			body: { error: 'not available' },
		});
		const { items, error } = await runActionNode({
			parameters: { resource: 'account', operation: 'getWebhookConfiguration' },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			main: { url: 'https://crm.example.com/in', isThisN8nTrigger: false },
			extraDestinations: [],
			reachesThisN8n: false,
			extraDestinationsError: expect.stringMatching(/not available/),
		});
	});
});

describe("The trigger's notice", () => {
	it('points to the two Account operations when nothing arrives, and stays short', () => {
		const notice = new Dialog360Trigger().description.properties.find(
			(property) => property.type === 'notice',
		);
		expect(notice?.displayName).toMatch(
			/Nothing arrives\? Run Account › Get Webhook Configuration and Get Health/,
		);
		expect(notice?.displayName.length).toBeLessThanOrEqual(300);
	});
});
