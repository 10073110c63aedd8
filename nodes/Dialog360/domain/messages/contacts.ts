/** Contact cards: `name.formatted_name` is required; every other part is sent only when given. */
import { RuleChecks } from '../checks';
import { MESSAGE_COUNT_RULES, MESSAGE_RULES } from '../rules/messages';
import type { ContactCard, ContentPayload } from './types';

function cardPayload(card: ContactCard): Record<string, unknown> {
	const phones = (card.phones ?? []).filter((phone) => phone.phone.trim() !== '');
	return {
		name: {
			formatted_name: card.formattedName,
			...(card.firstName ? { first_name: card.firstName } : {}),
			...(card.lastName ? { last_name: card.lastName } : {}),
		},
		...(phones.length
			? {
					phones: phones.map((phone) => ({
						phone: phone.phone,
						...(phone.type ? { type: phone.type } : {}),
						...(phone.waId ? { wa_id: phone.waId } : {}),
					})),
				}
			: {}),
		...(card.emails?.length
			? {
					emails: card.emails.map((email) => ({
						email: email.email,
						...(email.type ? { type: email.type } : {}),
					})),
				}
			: {}),
		...(card.urls?.length
			? {
					urls: card.urls.map((url) => ({ url: url.url, ...(url.type ? { type: url.type } : {}) })),
				}
			: {}),
		...(card.company ? { org: { company: card.company } } : {}),
		...(card.birthday ? { birthday: card.birthday } : {}),
	};
}

export function contactsMessage(contacts: ContactCard[], checks: RuleChecks): ContentPayload {
	checks.count('Contacts', contacts.length, MESSAGE_COUNT_RULES.contacts);
	contacts.forEach((card, index) =>
		checks.length(
			`Contact ${index + 1} Formatted Name`,
			card.formattedName,
			MESSAGE_RULES.contactFormattedName,
		),
	);
	return { body: { type: 'contacts', contacts: contacts.map(cardPayload) } };
}
