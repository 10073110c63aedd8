/**
 * End-to-end tests. Contact and Account in a real n8n: block a contact, list it, send to it and see
 * the explained error, unblock it; read the number's health and its webhook configuration, whose
 * header values never reach the output.
 */
import { callWebhook, publicApi, waitFor, type E2eContext } from '../harness';

type Item = Record<string, unknown>;

/** One contact for these tests only, so that the block never touches another test's sends. */
const CONTACT = '+4917600000428';

/**
 * Runs one action-node operation in n8n: a workflow Webhook → 360dialog WhatsApp (errors go on as
 * items), created and activated through the public API, called once, then deactivated.
 */
async function runOperation(
	ctx: E2eContext,
	name: string,
	parameters: Record<string, unknown>,
): Promise<Item[]> {
	const path = `e2e-account-${name}`;
	const workflow = {
		name: `E2E account: ${name}`,
		nodes: [
			{
				id: `e2e00000-0000-4000-8000-${name.length.toString().padStart(12, '0')}`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `e2e${String(Date.now()).slice(-5)}-0000-4000-8000-000000000428`,
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: 'e2e00000-0000-4000-8000-000000000429',
				name: '360dialog WhatsApp',
				type: 'n8n-nodes-360dialog.dialog360',
				typeVersion: 1,
				position: [220, 0],
				onError: 'continueRegularOutput',
				parameters,
				credentials: { dialog360Api: { id: 'smokeCredential1', name: '360dialog emulator' } },
			},
		],
		connections: {
			Webhook: { main: [[{ node: '360dialog WhatsApp', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
	const { id } = await publicApi<{ id: string }>(ctx.n8n, '/workflows', {
		method: 'POST',
		body: workflow,
	});
	try {
		await publicApi(ctx.n8n, `/workflows/${id}/activate`, { method: 'POST', body: {} });
		// Called until n8n has the webhook (404 before): the operation itself runs once.
		const answer = await waitFor(async () => {
			const response = await callWebhook(`${ctx.n8n.webhookUrl}/webhook/${path}`, {});
			return response.status === 404 ? undefined : response;
		});
		expect(answer?.status).toBe(200);
		return answer?.body as Item[];
	} finally {
		// Deactivated, not deleted: n8n 2.41 refuses a delete while it is still unpublishing (409).
		await publicApi(ctx.n8n, `/workflows/${id}/deactivate`, { method: 'POST', body: {} });
	}
}

export function accountTests(ctx: E2eContext): void {
	const { emulator } = ctx;

	it('Contact: blocks a contact, lists it, a send to it fails with the explained error, and unblocks it', async () => {
		const blocked = await runOperation(ctx, 'block', {
			resource: 'contact',
			operation: 'block',
			contacts: CONTACT,
		});
		expect(blocked).toEqual([
			expect.objectContaining({ contact: CONTACT, blocked: true, error: null }),
		]);
		try {
			const listed = await runOperation(ctx, 'list', {
				resource: 'contact',
				operation: 'listBlocked',
				returnAll: true,
			});
			expect(listed).toContainEqual({
				waId: CONTACT.slice(1),
				phoneNumber: CONTACT,
				blocked: true,
			});
			const sentBefore = emulator.sent.length;
			const [refused] = await runOperation(ctx, 'send', {
				resource: 'message',
				operation: 'send',
				to: CONTACT,
				messageType: 'text',
				text: 'Are you there?',
			});
			const error = refused.error as { message: string; description: string };
			expect(error.message).toMatch(/130403/);
			expect(error.description).toMatch(/You blocked this contact.*Contact › Unblock/s);
			expect(emulator.sent.length).toBe(sentBefore);
		} finally {
			const unblocked = await runOperation(ctx, 'unblock', {
				resource: 'contact',
				operation: 'unblock',
				contacts: CONTACT,
			});
			expect(unblocked).toEqual([expect.objectContaining({ contact: CONTACT, blocked: false })]);
			expect(emulator.blocked.has(CONTACT.slice(1))).toBe(false);
		}
	});

	it("Account: reads the health in words and the webhook configuration with header names only, and finds this n8n's trigger", async () => {
		const [health] = await runOperation(ctx, 'health', {
			resource: 'account',
			operation: 'getHealth',
		});
		expect(health).toMatchObject({ canSend: true, summary: 'The number can send messages.' });

		const mainBefore = structuredClone(emulator.webhook);
		const multiBefore = structuredClone(emulator.multiWebhook);
		const triggerUrl = `${ctx.n8n.webhookUrl}/webhook/e2e00000-0000-4000-8000-000000000430/webhook`;
		emulator.webhook = {
			url: triggerUrl,
			headers: { 'x-n8n-360dialog-secret': 'E2E-MAIN-SECRET' },
		};
		emulator.multiWebhook = {
			enabled: true,
			destinations: [
				{
					name: 'crm',
					url: 'https://crm.example.com/in',
					headers: { Authorization: 'Bearer E2E-CRM-SECRET' },
				},
			],
		};
		try {
			const [config] = await runOperation(ctx, 'webhooks', {
				resource: 'account',
				operation: 'getWebhookConfiguration',
			});
			expect(JSON.stringify(config)).not.toMatch(/E2E-MAIN-SECRET|E2E-CRM-SECRET/);
			expect(config).toMatchObject({
				main: {
					url: triggerUrl,
					headerNames: ['x-n8n-360dialog-secret'],
					isThisN8nTrigger: true,
				},
				extraDestinationsEnabled: true,
				extraDestinations: [
					{ name: 'crm', headerNames: ['Authorization'], isThisN8nTrigger: false },
				],
				reachesThisN8n: true,
			});
		} finally {
			emulator.webhook = mainBefore;
			emulator.multiWebhook = multiBefore;
		}
	});
}
