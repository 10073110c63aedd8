/**
 * End-to-end tests. Marketing Messages Lite: examples/marketing-campaign-mm-lite.json sends a
 * marketing template through /marketing_messages with the fallback to the Cloud API, and counts the
 * cost of the campaign from the delivered statuses' pricing.
 */
import { DEMO_TEMPLATES } from '../../emulator/demo';
import { pollOrThrow } from '../../support/poll';
import {
	callWebhook,
	nodeOutput,
	publicApi,
	successfulExecutions,
	waitFor,
	type E2eContext,
} from '../harness';

const CAMPAIGN_WEBHOOK_ID = 'e1000000-0000-4000-8000-0000000000dd';
const WORKFLOW_ID = 'exampleMmLiteCamp';

/**
 * The delivered status of a message the emulator sent (its callback data included), with the
 * per-message pricing Meta adds: `marketing_lite` for a message MM Lite carried.
 */
function pricedDelivery(emulator: E2eContext['emulator'], messageId: string, category: string) {
	const delivery = emulator.statusDelivery(messageId, 'delivered') as {
		entry: Array<{ changes: Array<{ value: { statuses: Array<Record<string, unknown>> } }> }>;
	};
	delivery.entry[0].changes[0].value.statuses[0].pricing = {
		billable: true,
		pricing_model: 'PMP',
		category,
		type: 'regular',
	};
	return delivery;
}

export function marketingTests(ctx: E2eContext): void {
	const { emulator } = ctx;

	// In queue mode the campaign's trigger is activated while n8n runs, and the example's Code node
	// writes the workflow's static data from a worker: every delivery must still be taken (the
	// trigger's secret does not depend on the static data, trigger/deliverySecret.ts).
	it('example marketing campaign: MM Lite with one fallback to the Cloud API, and its cost counted from the statuses', async () => {
		// The number's 3 extra destinations are taken by the other examples' triggers: for this test
		// the campaign's trigger has them to itself (as the trigger lifecycle test does), and the
		// number's destinations are put back afterwards.
		const multiBefore = structuredClone(emulator.multiWebhook);
		emulator.multiWebhook = { enabled: false, destinations: [] };
		try {
			await campaign();
		} finally {
			await publicApi(ctx.n8n, `/workflows/${WORKFLOW_ID}/deactivate`, {
				method: 'POST',
				body: {},
			}).catch(() => undefined);
			emulator.multiWebhook = multiBefore;
		}
	});

	/** The campaign: sent through MM Lite with one fallback, then its cost counted from the statuses. */
	async function campaign(): Promise<void> {
		await publicApi(ctx.n8n, `/workflows/${WORKFLOW_ID}/activate`, { method: 'POST', body: {} });
		if (!emulator.templates.some((template) => template.name === 'spring_sale'))
			emulator.seedTemplates(1, () => ({
				id: 'mmlite1',
				...DEMO_TEMPLATES.find((template) => template.name === 'spring_sale'),
			}));
		const marketingBefore = emulator.requestsTo('POST', '/marketing_messages').length;
		const cloudBefore = emulator.requestsTo('POST', '/messages').length;
		const sentBefore = emulator.sent.length;
		// The first MM Lite send is refused as not available: the business has not accepted the terms.
		emulator.inject({
			method: 'POST',
			path: '/marketing_messages',
			status: 403,
			body: {
				detail: {
					error: {
						message: '(#200) You must accept the Marketing Messages Lite API terms to use the API.',
						type: 'OAuthException',
						code: 200,
					},
				},
			},
		});
		const contacts = [{ phone: '+4915112340001' }, { phone: '+4915112340002' }];
		// The campaign's trigger has joined once its destination is there; its Webhook answers 404
		// until n8n has registered it: nothing runs then, so the call is repeated on 404 only.
		const destination = await waitFor(
			() =>
				emulator.multiWebhook.destinations.find((target) =>
					target.url.includes(CAMPAIGN_WEBHOOK_ID),
				),
			60_000,
		);
		expect(destination).toBeDefined();
		const answer = await pollOrThrow(
			async () => {
				const called = await callWebhook(`${ctx.n8n.webhookUrl}/webhook/marketing-campaign`, {
					campaign: 'spring-2026',
					discount: '25%',
					until: 'Sunday',
					code: 'SPRING25',
					contacts,
				});
				return called.status === 404 ? undefined : called;
			},
			{ timeoutMs: 60_000, intervalMs: 500, failure: () => 'the campaign webhook stayed 404' },
		);
		expect(answer.status).toBe(200);
		const items = answer.body as Array<Record<string, unknown>>;
		expect(items).toHaveLength(2);
		const through = items.map((item) => [item.sentThrough, item.fellBackBecause]).sort();
		expect(through).toEqual([
			['marketing_messages', null],
			['messages', 'termsNotAccepted'],
		]);
		// Two messages, each sent once: two MM Lite requests (one refused), one Cloud API request.
		expect(emulator.requestsTo('POST', '/marketing_messages').length - marketingBefore).toBe(2);
		expect(emulator.requestsTo('POST', '/messages').length - cloudBefore).toBe(1);
		const sent = emulator.sent.slice(sentBefore);
		expect(sent).toHaveLength(2);
		const viaMmLite = sent.find((message) => message.via === 'marketing_messages');
		expect(viaMmLite?.payload).toMatchObject({
			message_send_ttl_seconds: 72 * 3600,
			biz_opaque_callback_data: 'spring-2026',
			template: { name: 'spring_sale' },
		});

		// The delivered statuses reach the example's trigger; it counts the billable messages.
		// One status after the other: each execution adds to the workflow's static data in turn.
		const executionsBefore = (await successfulExecutions(ctx.n8n, WORKFLOW_ID))?.length ?? 0;
		let executions: Array<{ id: string }> | undefined = [];
		for (const [index, message] of sent.entries()) {
			const category = message.via === 'marketing_messages' ? 'marketing_lite' : 'marketing';
			// Taken at the first try, also after the first execution wrote the static data back.
			expect(
				await emulator.deliver(pricedDelivery(emulator, message.id, category), {
					url: destination!.url,
					headers: destination!.headers ?? {},
				}),
			).toEqual([200]);
			executions = await waitFor(async () => {
				const done = await successfulExecutions(ctx.n8n, WORKFLOW_ID);
				return done && done.length >= executionsBefore + index + 1 ? done : undefined;
			});
			expect(executions).toBeDefined();
		}
		const counted = [];
		const statuses = [];
		for (const execution of executions ?? []) {
			const output = await nodeOutput<{ totals: Record<string, unknown> }>(
				ctx.n8n,
				execution.id,
				'Count Cost per Campaign',
			).catch(() => []);
			counted.push(...output.map((item) => item.json.totals));
			const received = await nodeOutput<Record<string, unknown>>(
				ctx.n8n,
				execution.id,
				'Delivered Messages',
			).catch(() => []);
			statuses.push(...received.map(({ json }) => [json.pricingCategory, json.billable]));
		}
		// Each status item carries its cost as plain fields.
		expect(statuses.sort()).toEqual([
			['marketing', true],
			['marketing_lite', true],
		]);
		// The running count lives in the workflow's static data, which n8n 2.40+ queue workers start
		// without (docs/marketing.md): there each execution counts its own status only.
		expect(counted).toContainEqual(
			ctx.workersLoseStaticData
				? { delivered: 1, billable: 1, byCategory: { marketing: 1 } }
				: { delivered: 2, billable: 2, byCategory: { marketing_lite: 1, marketing: 1 } },
		);
	}
}
