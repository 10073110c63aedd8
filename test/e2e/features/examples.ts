/** End-to-end tests. The examples users import (examples/), each run as imported. */
import {
	CONTACT,
	cloudDelivery,
	MESSAGE_FIXTURES,
	USER_ID,
	USERNAME,
	usernameOnlyMessage,
} from '../../fixtures/webhooks';
import { request } from '../../support/http';
import {
	AUTO_REPLY_WEBHOOK_ID,
	FORM_WEBHOOK_ID,
	waitFor,
	publicApi,
	successfulExecutions,
	nodeOutput,
	type E2eContext,
} from '../harness';

/** The auto-reply example: registration on activation, one execution per delivery, username contacts. */
export function autoReplyExampleTests(ctx: E2eContext): void {
	const { emulator } = ctx;

	it('example auto-reply: the trigger registers on activation; a delivery starts one execution (public API) that replies', async () => {
		expect(emulator.webhook.url).toBe(
			`${ctx.n8n.webhookUrl}/webhook/${AUTO_REPLY_WEBHOOK_ID}/webhook`,
		);
		expect(Object.keys(emulator.webhook.headers)).toEqual(['x-n8n-360dialog-secret']);
		const delivery = cloudDelivery({
			contacts: [CONTACT],
			messages: [
				{ ...MESSAGE_FIXTURES.text, id: 'wamid.e2e1' },
				{ ...MESSAGE_FIXTURES.image, id: 'wamid.e2e2' },
			],
		});
		expect(await emulator.deliver(delivery)).toEqual([200]);
		expect(await emulator.deliver(delivery)).toEqual([200]); // a redelivery: acknowledged, no second reply
		const reply = await waitFor(() =>
			emulator.sent.find(
				(message) =>
					(message.payload.context as { message_id?: string } | undefined)?.message_id ===
					'wamid.e2e1',
			),
		);
		expect(reply?.payload).toMatchObject({
			to: '4915112345678',
			text: { body: 'Thanks Ada! We got "hello" and will answer soon.' },
		});
		const wrongSecret = await request(emulator.webhook.url as string, {
			method: 'POST',
			headers: { 'x-n8n-360dialog-secret': 'nope' },
			body: delivery,
		});
		expect(wrongSecret.status).toBe(401);

		// The execution as n8n's public API shows it: one, with the trigger's item for the text message only.
		const executions = await successfulExecutions(ctx.n8n, 'exampleAutoReply');
		expect(executions).toHaveLength(1);
		const triggerItems = await nodeOutput<Record<string, unknown>>(
			ctx.n8n,
			executions?.[0].id,
			'On WhatsApp text message',
		);
		expect(triggerItems.map((item) => item.json)).toEqual([
			{
				kind: 'message',
				message: { ...MESSAGE_FIXTURES.text, id: 'wamid.e2e1' },
				text: 'hello',
				timestamp: '2023-11-14T22:13:20.000Z',
				contact: {
					key: '4915112345678',
					address: '4915112345678',
					userId: null,
					parentUserId: null,
					username: null,
					phoneNumber: '+4915112345678',
					waId: '4915112345678',
					profileName: 'Ada',
				},
				businessPhoneNumberId: '1234567890',
				businessDisplayPhoneNumber: '4930123456',
				wabaId: 'WABA-1',
			},
		]);
	});

	it('example auto-reply answers a contact who hides their number behind a username, by user ID', async () => {
		emulator.usernameContacts.set(USER_ID, null);
		try {
			expect(await emulator.deliver(usernameOnlyMessage('wamid.e2e-username', 'hi there'))).toEqual(
				[200],
			);
			const reply = await waitFor(() =>
				emulator.sent.find(
					(message) =>
						(message.payload.context as { message_id?: string } | undefined)?.message_id ===
						'wamid.e2e-username',
				),
			);
			expect(reply?.payload).toMatchObject({
				recipient: USER_ID,
				text: { body: 'Thanks Ada! We got "hi there" and will answer soon.' },
			});
			expect(reply?.payload).not.toHaveProperty('to');
			// The execution of this delivery, once n8n has stored it as a success.
			const executionId = await waitFor(async () => {
				const executions = (await successfulExecutions(ctx.n8n, 'exampleAutoReply')) ?? [];
				for (const execution of executions) {
					const items = await nodeOutput<{ message: { id: string } }>(
						ctx.n8n,
						execution.id,
						'On WhatsApp text message',
					);
					if (items[0]?.json.message.id === 'wamid.e2e-username') return execution.id;
				}
				return undefined;
			});
			const items = await nodeOutput<Record<string, unknown>>(
				ctx.n8n,
				executionId,
				'On WhatsApp text message',
			);
			expect(items[0].json.contact).toEqual({
				key: USER_ID,
				address: USER_ID,
				userId: USER_ID,
				parentUserId: null,
				username: USERNAME,
				phoneNumber: null,
				waId: null,
				profileName: 'Ada',
			});
			const replied = await nodeOutput<Record<string, unknown>>(ctx.n8n, executionId, 'Reply');
			expect(replied[0].json).toMatchObject({
				addressedBy: 'userId',
				userId: USER_ID,
				waId: null,
			});
		} finally {
			emulator.usernameContacts.clear();
		}
	});
}

/** The auto-reply example after the 24-hour window, the nightly sync and the profile form. */
export function moreExampleTests(ctx: E2eContext): void {
	const { emulator } = ctx;

	it('example auto-reply: when the 24-hour window has closed, the error output sends the template', async () => {
		emulator.seedTemplates(1, () => ({
			id: 'welcomeBack',
			name: 'welcome_back',
			language: 'en',
			components: [{ type: 'BODY', text: 'Welcome back {{1}}!' }],
		}));
		emulator.closedWindows.add(CONTACT.wa_id);
		try {
			await emulator.deliver(
				cloudDelivery({
					contacts: [CONTACT],
					messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.e2e-late' }],
				}),
			);
			const template = await waitFor(() =>
				emulator.sent.find(
					(message) =>
						message.payload.type === 'template' &&
						(message.payload.template as { name: string }).name === 'welcome_back',
				),
			);
			expect(template?.payload).toMatchObject({
				to: '4915112345678',
				template: {
					language: { code: 'en' },
					components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
				},
			});
		} finally {
			emulator.closedWindows.clear();
		}
	});

	it('example nightly sync: its Template Changes trigger emits new templates as new once, in every mode', async () => {
		type Execution = {
			id: string;
			status: string;
			data?: {
				resultData: {
					runData: Record<
						string,
						Array<{ data: { main: Array<Array<{ json: { name?: string; change?: string } }>> } }>
					>;
				};
			};
		};
		const executions = async () =>
			(
				await publicApi<{ data: Execution[] }>(
					ctx.n8n,
					'/executions?workflowId=exampleNightlySync&includeData=true&limit=250',
				)
			).data.sort((a, b) => Number(a.id) - Number(b.id));
		const nightly = (execution: Execution) =>
			(execution.data?.resultData.runData['Templates that changed']?.[0]?.data.main[0] ?? [])
				.filter((item) => item.json.name?.startsWith('nightly_'))
				.map((item) => [item.json.name, item.json.change]);
		emulator.seedTemplates(2, (index) => ({ id: `nightly${index}`, name: `nightly_${index}` }));
		// The trigger polls every minute (the shortest n8n allows); the poll after the seeding emits them.
		const runs =
			(await waitFor(async () => {
				const list = await executions();
				return list.some((execution) => nightly(execution).length > 0) ? list : undefined;
			}, 150_000)) ?? [];
		expect(runs.map(nightly).filter((found) => found.length > 0)).toEqual([
			[
				['nightly_0', 'new'],
				['nightly_1', 'new'],
			],
		]);
	});

	it('example profile form: a submitted form updates the business profile', async () => {
		const form = new FormData();
		form.append('field-0', 'Open 9–5, Monday to Friday');
		form.append('field-1', 'Bikes, repairs and rentals');
		form.append('field-2', 'shop@example.com');
		const response = await request(`${ctx.n8n.webhookUrl}/form/${FORM_WEBHOOK_ID}`, {
			method: 'POST',
			body: form,
		});
		expect(response.status).toBe(200);
		await waitFor(() =>
			emulator.profile.about === 'Open 9–5, Monday to Friday' ? true : undefined,
		);
		expect(emulator.profile).toMatchObject({
			about: 'Open 9–5, Monday to Friday',
			description: 'Bikes, repairs and rentals',
			email: 'shop@example.com',
		});
	});
}
