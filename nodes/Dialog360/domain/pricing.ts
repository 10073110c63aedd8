/**
 * What a sent message costs, as its status events say. Since 2025-07-01 WhatsApp bills per message:
 * statuses carry `pricing` with `pricing_model` "PMP", `category` (marketing, utility, authentication,
 * authentication_international, marketing_lite, service) and `type` (regular: billed;
 * free_customer_service and free_entry_point: free). `billable` is deprecated: Meta recommends
 * `type` and `category` together instead.
 *
 * Sources: Meta "Pricing" and its per-message pricing webhook notes
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing/, the Groups API
 * pricing page shows the same object), 360dialog "Free vs Billed Messages"
 * (https://docs.360dialog.com/docs/prices-plans-and-payments/free-vs-billed-messages).
 */
import { isRecord, textOrNull } from './values';

export const PRICING_TYPES = {
	regular: { billable: true },
	free_customer_service: { billable: false },
	free_entry_point: { billable: false },
} as const;

export interface StatusPricing {
	pricingCategory: string | null;
	pricingType: string | null;
	pricingModel: string | null;
	/** Meta's flag when sent; otherwise derived from the type (regular: true, free_*: false); null when neither says. */
	billable: boolean | null;
	/** The pricing object as WhatsApp sent it; null when the status has none. */
	pricing: Record<string, unknown> | null;
}

function billableOf(pricing: Record<string, unknown>, type: string | null): boolean | null {
	if (typeof pricing.billable === 'boolean') return pricing.billable;
	// [L] Read as text too, should a relay pass the flag on as a string.
	if (pricing.billable === 'true' || pricing.billable === 'false')
		return pricing.billable === 'true';
	if (type === null) return null;
	if (Object.prototype.hasOwnProperty.call(PRICING_TYPES, type))
		return PRICING_TYPES[type as keyof typeof PRICING_TYPES].billable;
	// A type Meta adds later: the free ones are named free_*.
	return type.startsWith('free_') ? false : null;
}

/** The plain pricing fields of a status event (every field null when the status has no pricing). */
export function pricingOf(status: Record<string, unknown>): StatusPricing {
	const pricing = isRecord(status.pricing) ? status.pricing : null;
	if (!pricing)
		return {
			pricingCategory: null,
			pricingType: null,
			pricingModel: null,
			billable: null,
			pricing: null,
		};
	const type = textOrNull(pricing.type);
	return {
		pricingCategory: textOrNull(pricing.category),
		pricingType: type,
		pricingModel: textOrNull(pricing.pricing_model),
		billable: billableOf(pricing, type),
		pricing,
	};
}
