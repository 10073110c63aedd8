/** End-to-end tests. The trigger: an extra destination that acknowledges at once, the activation lifecycle, and "Test this trigger". */
import { CONTACT, cloudDelivery, MESSAGE_FIXTURES } from '../../fixtures/webhooks';
import { ownerSession } from '../../n8n/n8nHost';
import { request, requestJson } from '../../support/http';
import {
	AT_ONCE_WEBHOOK_ID,
	waitFor,
	publicApi,
	successfulExecutions,
	nodeOutput,
	createTriggerWorkflow,
	type E2eContext,
} from '../harness';

/** The trigger registered as an extra destination, its lifecycle, and its test mode. */
export function triggerTests(ctx: E2eContext): void {
	const { mode, emulator } = ctx;

	it('a trigger added as an extra destination that acknowledges at once: 200 before the execution, one item per event, redelivery ignored', async () => {
		expect(ctx.atOnceDestination?.url).toBe(
			`${ctx.n8n.webhookUrl}/webhook/${AT_ONCE_WEBHOOK_ID}/webhook`,
		);
		const target = {
			url: ctx.atOnceDestination?.url ?? '',
			headers: ctx.atOnceDestination?.headers ?? {},
		};
		const delivery = cloudDelivery({
			contacts: [CONTACT],
			messages: [
				{ ...MESSAGE_FIXTURES.text, id: 'wamid.now1' },
				{ ...MESSAGE_FIXTURES.image, id: 'wamid.now2' },
			],
		});
		expect(await emulator.deliver(delivery, target)).toEqual([200]);
		expect(await emulator.deliver(delivery, target)).toEqual([200]);
		const executions = await successfulExecutions(ctx.n8n, 'smokeTriggerNow1');
		expect(executions).toHaveLength(1);
		const triggerItems = await nodeOutput<{ message: { id: string } }>(
			ctx.n8n,
			executions?.[0].id,
			'On WhatsApp message',
		);
		expect(triggerItems.map((item) => item.json.message.id)).toEqual(['wamid.now1', 'wamid.now2']);

		// A message a person sent from the WhatsApp Business app: an item of its own kind.
		const echo = cloudDelivery(
			{
				message_echoes: [
					{
						from: '4930123456',
						to: CONTACT.wa_id,
						id: 'wamid.now-echo',
						timestamp: '1700000009',
						type: 'text',
						text: { body: 'A person answers now' },
					},
				],
			},
			'smb_message_echoes',
		);
		expect(await emulator.deliver(echo, target)).toEqual([200]);
		const both = await waitFor(async () => {
			const list = await publicApi<{ data: Array<{ id: string; status: string }> }>(
				ctx.n8n,
				'/executions?workflowId=smokeTriggerNow1',
			);
			return list.data.length === 2 && list.data.every((run) => run.status === 'success')
				? list.data
				: undefined;
		});
		const newest = both?.find((run) => run.id !== executions?.[0].id);
		const echoItems = await nodeOutput<Record<string, unknown>>(
			ctx.n8n,
			newest?.id,
			'On WhatsApp message',
		);
		expect(echoItems.map((item) => item.json)).toEqual([
			expect.objectContaining({
				kind: 'echo',
				text: 'A person answers now',
				contact: expect.objectContaining({ key: CONTACT.wa_id }),
			}),
		]);
	});

	it('trigger lifecycle: activation and deactivation, of the main URL and of two extra destinations, leave the number as it was', async () => {
		const mainBefore = structuredClone(emulator.webhook);
		const multiBefore = structuredClone(emulator.multiWebhook);
		emulator.multiWebhook = { enabled: false, destinations: [] };
		const toggle = async (id: string, action: 'activate' | 'deactivate') =>
			await publicApi(ctx.n8n, `/workflows/${id}/${action}`, { method: 'POST', body: {} });
		const urlOf = (webhookId: string) => `${ctx.n8n.webhookUrl}/webhook/${webhookId}/webhook`;
		const extraUrls = () =>
			emulator.multiWebhook.destinations.map((destination) => destination.url).sort();
		try {
			const main = await createTriggerWorkflow(
				ctx.n8n,
				'Lifecycle main',
				'b1000000-0000-4000-8000-0000000000b1',
				'main',
			);
			await toggle(main, 'activate');
			expect(
				await waitFor(() =>
					emulator.webhook.url === urlOf('b1000000-0000-4000-8000-0000000000b1') ? true : undefined,
				),
			).toBe(true);
			await toggle(main, 'deactivate');
			expect(
				await waitFor(() => (emulator.webhook.url === mainBefore.url ? true : undefined)),
			).toBe(true);
			expect(emulator.webhook).toEqual(mainBefore);

			const [a, b] = [
				await createTriggerWorkflow(
					ctx.n8n,
					'Lifecycle extra A',
					'b2000000-0000-4000-8000-0000000000b2',
					'extra',
				),
				await createTriggerWorkflow(
					ctx.n8n,
					'Lifecycle extra B',
					'b3000000-0000-4000-8000-0000000000b3',
					'extra',
				),
			];
			await toggle(a, 'activate');
			await toggle(b, 'activate');
			const both = [
				urlOf('b2000000-0000-4000-8000-0000000000b2'),
				urlOf('b3000000-0000-4000-8000-0000000000b3'),
			].sort();
			expect(await waitFor(() => (extraUrls().join() === both.join() ? true : undefined))).toBe(
				true,
			);
			expect(emulator.multiWebhook.enabled).toBe(true);
			expect(emulator.webhook).toEqual(mainBefore);
			await toggle(a, 'deactivate');
			expect(await waitFor(() => (extraUrls().join() === both[1] ? true : undefined))).toBe(true);
			await toggle(b, 'deactivate');
			expect(
				await waitFor(() =>
					emulator.multiWebhook.destinations.length === 0 && !emulator.multiWebhook.enabled
						? true
						: undefined,
				),
			).toBe(true);
			expect(emulator.webhook).toEqual(mainBefore);
		} finally {
			emulator.multiWebhook = multiBefore;
		}
	});

	it('"Test this trigger": never takes over the main URL, and leaves when the event arrived or the test was stopped', async () => {
		const mainBefore = structuredClone(emulator.webhook);
		const multiBefore = structuredClone(emulator.multiWebhook);
		emulator.multiWebhook = { enabled: false, destinations: [] };
		const { cookie } = await ownerSession(ctx.n8n.url);
		const id = await createTriggerWorkflow(
			ctx.n8n,
			'Test listen',
			'b4000000-0000-4000-8000-0000000000b4',
			'main',
		);
		const workflowData = (
			await requestJson<{ data: Record<string, unknown> }>(`${ctx.n8n.url}/rest/workflows/${id}`, {
				headers: { cookie },
			})
		).body.data;
		const listen = async () => {
			const run = await requestJson<{ data: { waitingForWebhook?: boolean } }>(
				`${ctx.n8n.url}/rest/workflows/${id}/run`,
				{
					method: 'POST',
					headers: { cookie },
					body: { workflowData, triggerToStartFrom: { name: 'Trigger' } },
					idempotent: false,
				},
			);
			expect(run.body.data).toEqual({ waitingForWebhook: true });
			const destination = await waitFor(() =>
				emulator.multiWebhook.destinations.find((candidate) =>
					candidate.url.includes('/webhook-test/b4000000-0000-4000-8000-0000000000b4/'),
				),
			);
			expect(destination?.name).toMatch(/^n8n-test-[0-9a-f]{12}$/);
			expect(emulator.webhook).toEqual(mainBefore);
			return destination!;
		};
		const stopTest = async () =>
			await request(`${ctx.n8n.url}/rest/test-webhook/${id}`, {
				method: 'DELETE',
				headers: { cookie },
				idempotent: true,
			});
		const left = async () =>
			await waitFor(() =>
				emulator.multiWebhook.destinations.length === 0 && !emulator.multiWebhook.enabled
					? true
					: undefined,
			);
		try {
			const destination = await listen();
			if (mode === 'regular') {
				// The test URL is served by the main process, which queue mode puts behind the webhook process's URL here.
				const [status] = await emulator.deliver(
					cloudDelivery({
						contacts: [CONTACT],
						messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.test-listen' }],
					}),
					{ url: destination.url, headers: destination.headers ?? {} },
				);
				expect(status).toBe(200);
			} else {
				await stopTest();
			}
			expect(await left()).toBe(true);
			expect(emulator.webhook).toEqual(mainBefore);

			await listen();
			await stopTest();
			expect(await left()).toBe(true);
			expect(emulator.webhook).toEqual(mainBefore);
		} finally {
			emulator.multiWebhook = multiBefore;
		}
	});
}
