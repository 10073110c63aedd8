/** Status items carry what the message costs (July 2025 per-message pricing) as plain fields. */
import { cloudDelivery, STATUS_FIXTURES } from '../fixtures/webhooks';
import { useTriggers } from '../support/triggers';

const { fixture, trigger } = useTriggers();

describe('Trigger status items with pricing', () => {
	const { emulator } = fixture;

	it('gives category, type, model and billable of a free-form message and of a marketing template', async () => {
		const harness = await trigger({ events: ['status'] });
		await harness.activate();
		emulator.seedTemplates(1, () => ({
			name: 'spring_sale',
			language: 'en',
			category: 'MARKETING',
		}));
		emulator.sent.push(
			{ id: 'wamid.free', to: '4915112345678', payload: { type: 'text' }, at: Date.now() },
			{
				id: 'wamid.paid',
				to: '4915112345678',
				payload: { type: 'template', template: { name: 'spring_sale', language: { code: 'en' } } },
				at: Date.now(),
			},
		);
		await emulator.deliver(emulator.statusDelivery('wamid.free', 'delivered'));
		await emulator.deliver(emulator.statusDelivery('wamid.paid', 'delivered'));
		expect(harness.executions.map((items) => items[0].json)).toEqual([
			expect.objectContaining({
				kind: 'status',
				pricingCategory: 'service',
				pricingType: 'free_customer_service',
				pricingModel: 'PMP',
				billable: false,
				pricing: {
					billable: false,
					pricing_model: 'PMP',
					category: 'service',
					type: 'free_customer_service',
				},
			}),
			expect.objectContaining({
				pricingCategory: 'marketing',
				pricingType: 'regular',
				pricingModel: 'PMP',
				billable: true,
			}),
		]);
	});

	it('derives billable from the type when the deprecated flag is missing, and gives nulls without pricing', async () => {
		const harness = await trigger({ events: ['status'] });
		await harness.activate();
		await emulator.deliver(
			cloudDelivery({
				statuses: [
					{
						...STATUS_FIXTURES.sent,
						id: 'wamid.lite',
						pricing: { pricing_model: 'PMP', category: 'marketing_lite', type: 'regular' },
					},
					{ ...STATUS_FIXTURES.failed, id: 'wamid.failed' },
				],
			}),
		);
		expect(harness.executions[0].map((item) => item.json)).toEqual([
			expect.objectContaining({
				pricingCategory: 'marketing_lite',
				pricingType: 'regular',
				billable: true,
			}),
			expect.objectContaining({
				pricingCategory: null,
				pricingType: null,
				pricingModel: null,
				billable: null,
				pricing: null,
			}),
		]);
	});

	it("the emulator's status samples carry a price (a free-form reply: free)", async () => {
		const harness = await trigger({ events: ['status'] });
		await harness.activate();
		await emulator.deliverSample('delivered');
		expect(harness.executions[0][0].json).toMatchObject({
			status: { status: 'delivered' },
			pricingCategory: 'service',
			pricingType: 'free_customer_service',
			pricingModel: 'PMP',
			billable: false,
		});
	});
});
