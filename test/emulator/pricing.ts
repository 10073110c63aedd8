/**
 * The `pricing` object WhatsApp puts on the statuses of a message since per-message pricing
 * (2025-07-01): pricing_model PMP, the category (the template's, or `service` for a free-form
 * message) and the type (regular: billed; free_customer_service: a free-form message or a utility
 * template inside the customer service window). `billable` is still sent, though deprecated.
 * Meta "Pricing" (https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing/).
 */
import type { SentMessage } from './core';
import type { Emulator } from './server';

export function pricingFor(emulator: Emulator, message: SentMessage): Record<string, unknown> {
	const { payload } = message;
	const windowOpen = !emulator.closedWindows.has(message.to);
	let category = 'service';
	if (payload.type === 'template') {
		const template = payload.template as { name?: string; language?: { code?: string } };
		const known = emulator.templates.find(
			(candidate) =>
				candidate.name === template?.name && candidate.language === template?.language?.code,
		);
		category = (known?.category ?? 'MARKETING').toLowerCase();
	}
	const free = category === 'service' || (category === 'utility' && windowOpen);
	const type = free ? 'free_customer_service' : 'regular';
	return { billable: !free, pricing_model: 'PMP', category, type };
}
