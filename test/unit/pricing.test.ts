/** What a message costs, as plain fields of a status item (July 2025 per-message pricing). */
import { pricingOf } from '../../nodes/Dialog360/domain/pricing';
import { readDelivery } from '../../nodes/Dialog360/domain/webhookEvents';

describe('pricingOf', () => {
	it('takes the category, type, model and the billable flag as sent', () => {
		const pricing = {
			billable: true,
			pricing_model: 'PMP',
			category: 'marketing_lite',
			type: 'regular',
		};
		expect(pricingOf({ pricing })).toEqual({
			pricingCategory: 'marketing_lite',
			pricingType: 'regular',
			pricingModel: 'PMP',
			billable: true,
			pricing,
		});
	});

	it.each([
		['regular', true],
		['free_customer_service', false],
		['free_entry_point', false],
		['free_something_new', false],
		['unheard_of', null],
	])('derives billable from the type %s when the deprecated flag is missing', (type, billable) => {
		expect(
			pricingOf({
				pricing: { pricing_model: 'PMP', category: 'authentication_international', type },
			}).billable,
		).toBe(billable);
	});

	it('keeps the flag over the type when both are there, and gives nulls without pricing', () => {
		expect(pricingOf({ pricing: { billable: false, type: 'regular' } }).billable).toBe(false);
		expect(pricingOf({ status: 'failed' })).toEqual({
			pricingCategory: null,
			pricingType: null,
			pricingModel: null,
			billable: null,
			pricing: null,
		});
	});

	it('puts the fields on status events, not on messages', () => {
		const [message, status] = readDelivery({
			contacts: [{ wa_id: '4915112345678' }],
			messages: [{ id: 'wamid.a', from: '4915112345678', type: 'text', text: { body: 'hi' } }],
			statuses: [
				{
					id: 'wamid.b',
					status: 'delivered',
					recipient_id: '4915112345678',
					pricing: { pricing_model: 'PMP', category: 'utility', type: 'free_customer_service' },
				},
			],
		});
		expect(message).not.toHaveProperty('pricingCategory');
		expect(status).toMatchObject({
			pricingCategory: 'utility',
			pricingType: 'free_customer_service',
			pricingModel: 'PMP',
			billable: false,
			pricing: { category: 'utility' },
		});
	});
});
