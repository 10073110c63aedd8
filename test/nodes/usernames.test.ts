/**
 * Contacts who use a WhatsApp username and may hide their number: sends addressed by business-scoped
 * user ID (BSUID), and the trigger's items for their messages, statuses and identity changes. Through
 * n8n-core against the emulator; the webhook shapes follow 360dialog's validation guide.
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	BUSINESS,
	CONTACT,
	contactInfoShared,
	bothIdentifiersMessage,
	NEW_USER_ID,
	PARENT_USER_ID,
	phoneChangedMessage,
	statusToUserId,
	USER_ID,
	USERNAME,
	userIdChangedMessage,
	userIdUpdate,
	usernameOnlyMessage,
} from '../fixtures/webhooks';
import { useEmulator } from '../support/emulatorFixture';
import { mapperValue } from '../support/mapper';
import { emulatorCredentials, errorOf, runActionNode } from '../support/n8nCore';
import { TriggerHarness } from '../support/triggerHarness';

const fixture = useEmulator();

function sendTo(to: string, parameters: INodeParameters, continueOnFail = false) {
	return runActionNode({
		parameters: { resource: 'message', operation: 'send', to, ...parameters },
		credentials: emulatorCredentials(fixture.baseUrl),
		continueOnFail,
	});
}

function sendTemplateTo(to: string, template: string, values: Record<string, string> = {}) {
	return runActionNode({
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			to,
			template: { __rl: true, mode: 'list', value: `${template}|en` },
			templateParameters: mapperValue(values),
		},
		credentials: emulatorCredentials(fixture.baseUrl),
	});
}

describe('Sending to a WhatsApp user ID (BSUID)', () => {
	it('sends a text to a user ID as `recipient`, and says it addressed the user ID', async () => {
		fixture.emulator.usernameContacts.set(USER_ID, null);
		const { items, error } = await sendTo(USER_ID, { messageType: 'text', text: 'Hi Ada' });
		expect(error).toBeUndefined();
		expect(fixture.emulator.sent[0].payload).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			recipient: USER_ID,
			type: 'text',
			text: { body: 'Hi Ada', preview_url: false },
		});
		expect(items[0].json).toEqual({
			addressedBy: 'userId',
			to: null,
			userId: USER_ID,
			waId: null,
			messageId: fixture.emulator.sent[0].id,
			status: 'accepted',
		});
	});

	it('sends to a parent user ID, and gives back the wa_id the API returned when the number is known', async () => {
		fixture.emulator.usernameContacts.set(PARENT_USER_ID, '4915112345678');
		const { items } = await sendTo(` ${PARENT_USER_ID} `, { messageType: 'text', text: 'Hi' });
		expect(fixture.emulator.sent[0].payload).toMatchObject({ recipient: PARENT_USER_ID });
		expect(fixture.emulator.sent[0].payload).not.toHaveProperty('to');
		expect(items[0].json).toMatchObject({
			addressedBy: 'userId',
			userId: PARENT_USER_ID,
			waId: '4915112345678',
		});
	});

	it('a phone number still goes as `to`, and the user ID the API returns is in the output', async () => {
		fixture.emulator.usernameContacts.set(USER_ID, '4915112345678');
		const { items } = await sendTo('+49 151 12345678', { messageType: 'text', text: 'Hi' });
		expect(fixture.emulator.sent[0].payload).toMatchObject({ to: '4915112345678' });
		expect(fixture.emulator.sent[0].payload).not.toHaveProperty('recipient');
		expect(items[0].json).toMatchObject({
			addressedBy: 'phone',
			to: '+4915112345678',
			userId: USER_ID,
			waId: '4915112345678',
		});
	});

	it('refuses a value that is neither form with one error naming both, and keeps the rest of the batch', async () => {
		const { items } = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'send',
				to: '={{ $json.to }}',
				messageType: 'text',
				text: 'Hi',
			},
			items: [{ to: USER_ID }, { to: 'de.12' }, { to: '@ada.lovelace' }],
			credentials: emulatorCredentials(fixture.baseUrl),
			continueOnFail: true,
		});
		expect(items[0].json.userId).toBe(USER_ID);
		for (const [index, shown] of [
			[1, 'de.12'],
			[2, '@ada.lovelace'],
		] as const) {
			expect(errorOf(items[index]).message).toBe(
				`Recipient "${shown}" is neither a phone number nor a WhatsApp user ID: write a phone number with its country code (e.g. +44 7700 900123) or a WhatsApp user ID (e.g. DE.8827364519203746) [item ${index}]`,
			);
		}
		expect(fixture.emulator.sent).toHaveLength(1);
	});

	it('explains 131009: the user ID is no longer current, use the latest one or the phone number', async () => {
		fixture.emulator.staleUserIds.add(USER_ID);
		const { error } = await sendTo(USER_ID, { messageType: 'text', text: 'Hi' });
		expect(error?.message).toContain('(#131009)');
		expect(error?.description).toContain('not valid or no longer current');
		expect(error?.description).toContain("the trigger's contact.userId");
	});

	it('a 131009 for a phone number does not talk about user IDs', async () => {
		fixture.emulator.inject({ path: '/messages', status: 400, body: metaError(131009) });
		const { error } = await sendTo('+49 151 12345678', { messageType: 'text', text: 'Hi' });
		expect(error?.message).toContain('(#131009)');
		expect(error?.description ?? '').not.toContain('user ID');
	});

	it('explains 131062: authentication templates go to the phone number, not the user ID', async () => {
		fixture.emulator.seedTemplates(1, () => ({
			name: 'login_code',
			language: 'en',
			category: 'AUTHENTICATION',
			components: [{ type: 'BODY', text: '{{1}} is your code.' }],
		}));
		fixture.emulator.usernameContacts.set(USER_ID, null);
		const { error } = await sendTemplateTo(USER_ID, 'login_code', { body_1: '482913' });
		expect(error?.message).toContain('(#131062)');
		expect(error?.description).toContain(
			'Authentication templates cannot be sent to a WhatsApp user ID',
		);
		expect(fixture.emulator.sent).toHaveLength(0);
	});

	it('sends an approved utility template to a user ID as `recipient`', async () => {
		fixture.emulator.seedTemplates(1, () => ({
			name: 'order_ready',
			language: 'en',
			category: 'UTILITY',
			components: [{ type: 'BODY', text: 'Your order is ready.' }],
		}));
		const { items, error } = await sendTemplateTo(USER_ID, 'order_ready');
		expect(error).toBeUndefined();
		expect(fixture.emulator.sent[0].payload).toMatchObject({
			recipient: USER_ID,
			type: 'template',
			template: { name: 'order_ready', language: { code: 'en' } },
		});
		expect(items[0].json).toMatchObject({ addressedBy: 'userId', userId: USER_ID });
	});
});

function metaError(code: number) {
	return { error: { message: 'Parameter value is not valid', type: 'OAuthException', code } };
}

describe('Asking a username contact for their phone number', () => {
	it('sends a Request Contact Info message: body only, WhatsApp owns the button', async () => {
		const { error } = await sendTo(USER_ID, {
			messageType: 'requestContactInfo',
			body: 'Could you share your number so we can call you back?',
		});
		expect(error).toBeUndefined();
		expect(fixture.emulator.sent[0].payload).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			recipient: USER_ID,
			type: 'interactive',
			interactive: {
				type: 'request_contact_info',
				body: { text: 'Could you share your number so we can call you back?' },
				action: { name: 'request_contact_info' },
			},
		});
	});

	it('refuses a Request Contact Info message without body text', async () => {
		const { error } = await sendTo(USER_ID, {
			messageType: 'requestContactInfo',
			body: '={{ "  " }}',
		});
		expect(error?.message).toBe('Body must not be only spaces: write the text to show [item 0]');
		expect(fixture.emulator.sent).toHaveLength(0);
	});

	function submit(category: string, button: Record<string, string>) {
		return runActionNode({
			parameters: {
				resource: 'template',
				operation: 'submit',
				name: 'share_number',
				category,
				language: 'en',
				body: 'Tap below to share your number with us.',
				buttons: { button: [button] },
			},
			credentials: emulatorCredentials(fixture.baseUrl),
		});
	}

	it('Template › Submit sends a REQUEST_CONTACT_INFO button in a utility template', async () => {
		const { error } = await submit('UTILITY', { type: 'REQUEST_CONTACT_INFO' });
		expect(error).toBeUndefined();
		const [request] = fixture.emulator.requestsTo('POST', '/v1/configs/templates');
		expect(request.body).toMatchObject({
			components: [
				{ type: 'BODY', text: 'Tap below to share your number with us.' },
				{ type: 'BUTTONS', buttons: [{ type: 'REQUEST_CONTACT_INFO' }] },
			],
		});
	});

	it('Template › Submit shows no label field for a REQUEST_CONTACT_INFO button, and sends none', async () => {
		const { error } = await submit('MARKETING', { type: 'REQUEST_CONTACT_INFO', text: 'Share' });
		expect(error).toBeUndefined();
		const [request] = fixture.emulator.requestsTo('POST', '/v1/configs/templates');
		expect((request.body as { components: unknown[] }).components[1]).toEqual({
			type: 'BUTTONS',
			buttons: [{ type: 'REQUEST_CONTACT_INFO' }],
		});
	});
});

describe('The trigger with username contacts', () => {
	const harnesses: TriggerHarness[] = [];
	let workflows = 0;

	afterEach(async () => {
		await Promise.all(harnesses.splice(0).map(async (harness) => await harness.stop()));
	});

	async function activeTrigger(parameters: INodeParameters = {}) {
		const harness = new TriggerHarness(
			{ events: ['message', 'status', 'error', 'identityChange'], ...parameters },
			emulatorCredentials(fixture.baseUrl),
			{ workflowId: `usernames-workflow-${++workflows}` },
		);
		await harness.start();
		harnesses.push(harness);
		await harness.activate();
		return harness;
	}

	const business = {
		businessPhoneNumberId: BUSINESS.phone_number_id,
		businessDisplayPhoneNumber: BUSINESS.display_phone_number,
		wabaId: 'WABA-1',
	};

	it('a username-only contact: user ID, username and profile name, no phone, keyed and addressed by user ID', async () => {
		const harness = await activeTrigger();
		await fixture.emulator.deliver(usernameOnlyMessage('wamid.u1'));
		expect(harness.executions[0].map((item) => item.json)).toEqual([
			{
				kind: 'message',
				message: expect.objectContaining({ id: 'wamid.u1', from_user_id: USER_ID }),
				text: 'hello',
				timestamp: '2023-11-14T22:13:20.000Z',
				contact: {
					key: USER_ID,
					address: USER_ID,
					userId: USER_ID,
					parentUserId: null,
					username: USERNAME,
					phoneNumber: null,
					waId: null,
					profileName: 'Ada',
				},
				...business,
			},
		]);
	});

	it('both identifiers and a parent user ID: the key is still the user ID, so it does not move when the number is hidden later', async () => {
		const harness = await activeTrigger();
		await fixture.emulator.deliver(bothIdentifiersMessage('wamid.u2'));
		await fixture.emulator.deliver(usernameOnlyMessage('wamid.u3'));
		const [withPhone, withoutPhone] = harness.executions.map((items) => items[0].json.contact);
		expect(withPhone).toEqual({
			key: USER_ID,
			address: USER_ID,
			userId: USER_ID,
			parentUserId: PARENT_USER_ID,
			username: USERNAME,
			phoneNumber: '+4915112345678',
			waId: CONTACT.wa_id,
			profileName: 'Ada',
		});
		expect((withoutPhone as { key: string }).key).toBe((withPhone as { key: string }).key);
	});

	it("a status of a message sent to a user ID names the contact by user ID, with the contacts entry's username", async () => {
		const harness = await activeTrigger();
		await fixture.emulator.deliver(statusToUserId('wamid.s1'));
		expect(harness.executions[0][0].json).toEqual({
			kind: 'status',
			status: expect.objectContaining({ recipient_user_id: USER_ID, status: 'delivered' }),
			timestamp: '2023-11-14T22:13:21.000Z',
			contact: expect.objectContaining({
				key: USER_ID,
				userId: USER_ID,
				username: USERNAME,
				waId: null,
			}),
			// A status without pricing (this one) has the pricing fields, empty.
			...{ pricingCategory: null, pricingType: null, pricingModel: null, billable: null },
			pricing: null,
			...business,
		});
	});

	it('a changed user ID and a changed number become items with the old and new identifiers', async () => {
		const harness = await activeTrigger();
		await fixture.emulator.deliver(userIdChangedMessage('wamid.c1'));
		await fixture.emulator.deliver(phoneChangedMessage('wamid.c2'));
		await fixture.emulator.deliver(userIdUpdate());
		const [userIdChanged, phoneChanged, update] = harness.executions.map((items) => items[0].json);
		expect(userIdChanged.identityChange).toEqual({
			change: 'user_id',
			previous: { userId: USER_ID, phoneNumber: null, waId: null },
			current: { userId: NEW_USER_ID, phoneNumber: null, waId: null },
		});
		expect(phoneChanged.identityChange).toEqual({
			change: 'phone_number',
			previous: { userId: USER_ID, phoneNumber: '+4915112345678', waId: '4915112345678' },
			current: { userId: NEW_USER_ID, phoneNumber: '+4915199999999', waId: '4915199999999' },
		});
		expect(update).toEqual({
			kind: 'identityChange',
			timestamp: '2023-11-14T22:13:24.000Z',
			identityChange: {
				change: 'user_id',
				previous: { userId: USER_ID, phoneNumber: '+4915199999999', waId: '4915199999999' },
				current: { userId: NEW_USER_ID, phoneNumber: '+4915199999999', waId: '4915199999999' },
			},
			contact: expect.objectContaining({
				key: NEW_USER_ID,
				waId: '4915199999999',
				profileName: 'Ada',
			}),
			...business,
		});
	});

	it('leaves identity-change items out unless Identity Changes is among the events', async () => {
		const harness = await activeTrigger({ events: ['message'] });
		const [status] = await fixture.emulator.deliver(userIdUpdate());
		expect(status).toBe(200);
		expect(harness.executions).toHaveLength(0);
	});

	it('the answer to a contact-info request puts the shared number next to the user ID it came from', async () => {
		const harness = await activeTrigger();
		await fixture.emulator.deliver(contactInfoShared('wamid.ci1'));
		const [item] = harness.executions[0];
		expect(item.json.sharedContactInfo).toEqual({
			userId: USER_ID,
			phoneNumber: '+4915112345678',
			waId: '4915112345678',
			name: 'Ada Lovelace',
		});
		expect(item.json.contact).toMatchObject({
			key: USER_ID,
			userId: USER_ID,
			phoneNumber: '+4915112345678',
		});
	});
});
