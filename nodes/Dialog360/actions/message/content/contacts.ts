import { textOf } from '../../../domain/values';
import { collectionEntries } from '../../parameters';
import type { ContentReader } from './types';

/** One contact card per entry of the Contacts collection. */
export const readContactsContent: ContentReader<'contacts'> = (ctx, type, itemIndex) => ({
	content: {
		type,
		contacts: collectionEntries(ctx, 'contacts', 'contact', itemIndex).map((card) => ({
			formattedName: textOf(card.formattedName),
			firstName: card.firstName ? textOf(card.firstName) : undefined,
			lastName: card.lastName ? textOf(card.lastName) : undefined,
			company: card.company ? textOf(card.company) : undefined,
			birthday: card.birthday ? textOf(card.birthday) : undefined,
			phones: card.phone
				? [
						{
							phone: textOf(card.phone),
							type: 'CELL',
							waId: card.waId ? textOf(card.waId) : undefined,
						},
					]
				: [],
			emails: card.email ? [{ email: textOf(card.email), type: 'WORK' }] : [],
			urls: card.url ? [{ url: textOf(card.url), type: 'WORK' }] : [],
		})),
	},
});
