/** The number's health in words, and the webhook configuration with header names only. */
import { describeWebhooks, summarizeHealth } from '../../nodes/Dialog360/domain/account';

describe('summarizeHealth', () => {
	it('says the number can send when every entity is available', () => {
		const health = summarizeHealth({
			health_status: {
				can_send_message: 'AVAILABLE',
				entities: [
					{ entity_type: 'PHONE_NUMBER', id: '1', can_send_message: 'AVAILABLE' },
					{ entity_type: 'WABA', id: '2', can_send_message: 'AVAILABLE' },
				],
			},
		});
		expect(health).toEqual({
			canSendMessage: 'AVAILABLE',
			canSend: true,
			summary: 'The number can send messages.',
			problems: [],
			phoneNumberId: '1',
			wabaId: '2',
		});
	});

	it('names the entity that blocks, with its reason and solution', () => {
		const health = summarizeHealth({
			health_status: {
				can_send_message: 'BLOCKED',
				entities: [
					{ entity_type: 'PHONE_NUMBER', id: '1', can_send_message: 'AVAILABLE' },
					{
						entity_type: 'WABA',
						id: '2',
						can_send_message: 'BLOCKED',
						errors: [
							{
								error_code: 141010,
								error_description: 'The WABA is not verified',
								possible_solution: 'Verify the business',
							},
						],
					},
				],
			},
		});
		expect(health.canSend).toBe(false);
		expect(health.summary).toBe(
			'The number cannot send messages. Blocked by the WhatsApp Business Account: The WABA is not verified.',
		);
		expect(health.problems).toEqual([
			{
				entity: 'the WhatsApp Business Account',
				entityType: 'WABA',
				id: '2',
				state: 'BLOCKED',
				reason: 'The WABA is not verified',
				solution: 'Verify the business',
				errorCode: 141010,
			},
		]);
	});

	it('a limited entity can still send and says why from additional_info; an unreadable answer says so', () => {
		const limited = summarizeHealth({
			health_status: {
				can_send_message: 'LIMITED',
				entities: [
					{ entity_type: 'APP', can_send_message: 'LIMITED', additional_info: ['Tier 250'] },
				],
			},
		});
		expect(limited.canSend).toBe(true);
		expect(limited.summary).toBe("The number can send, with limits. 360dialog's app: Tier 250");
		expect(summarizeHealth('nope').summary).toBe(
			'WhatsApp did not say whether the number can send.',
		);
	});
});

describe('describeWebhooks', () => {
	const n8n = 'https://n8n.example.com/';
	const trigger = 'https://n8n.example.com/webhook/6f1c2b8e-0001-4f7a-8f43-0000000000a1/webhook';

	it('gives header names, never values, and marks the URL that is this n8n trigger', () => {
		const config = describeWebhooks(
			{ url: trigger, headers: { 'x-n8n-360dialog-secret': 'TOPSECRET' } },
			{
				enabled: true,
				destinations: [
					{
						name: 'crm',
						url: 'https://crm.example.com/in',
						headers: { Authorization: 'Bearer CRMKEY' },
					},
				],
			},
			n8n,
		);
		expect(JSON.stringify(config)).not.toMatch(/TOPSECRET|CRMKEY/);
		expect(config.main).toEqual({
			name: 'main',
			url: trigger,
			headerNames: ['x-n8n-360dialog-secret'],
			isThisN8nTrigger: true,
			why: "It is this n8n's webhook address with the 360dialog WhatsApp Trigger's path.",
		});
		expect(config.extraDestinations[0]).toMatchObject({
			name: 'crm',
			headerNames: ['Authorization'],
			isThisN8nTrigger: false,
			why: 'It is another system, not this n8n.',
		});
		expect(config.reachesThisN8n).toBe(true);
	});

	it("says when no URL is this n8n's trigger, or none is set; a disabled extra destination does not count", () => {
		const elsewhere = describeWebhooks(
			{ url: 'https://other-n8n.example.org/webhook/6f1c2b8e-0001-4f7a-8f43-0000000000a1/webhook' },
			{ enabled: false, destinations: [{ name: 'n8n-x', url: trigger }] },
			n8n,
		);
		expect(elsewhere.reachesThisN8n).toBe(false);
		expect(elsewhere.main.why).toMatch(
			/another n8n \(this n8n's webhook address is https:\/\/n8n.example.com\)/,
		);
		expect(elsewhere.summary).toMatch(
			/None of the webhook URLs is this n8n's 360dialog WhatsApp Trigger/,
		);
		const none = describeWebhooks(null, null, n8n);
		expect(none.main).toMatchObject({ url: null, headerNames: [], isThisN8nTrigger: false });
		expect(none.summary).toMatch(/^No main webhook URL is set/);
		// A URL on this n8n that is not the trigger's path (a Webhook node) is not the trigger.
		expect(
			describeWebhooks({ url: 'https://n8n.example.com/webhook/my-hook' }, null, n8n).main
				.isThisN8nTrigger,
		).toBe(false);
	});
});
