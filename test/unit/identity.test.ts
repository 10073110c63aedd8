import {
	readRecipientId,
	RecipientError,
	recipientKeyOf,
} from '../../nodes/Dialog360/domain/identity';
import { readDelivery } from '../../nodes/Dialog360/domain/webhookEvents';
import {
	bothIdentifiersMessage,
	contactInfoShared,
	NEW_USER_ID,
	PARENT_USER_ID,
	phoneChangedMessage,
	statusToUserId,
	USER_ID,
	userIdChangedMessage,
	userIdUpdate,
	USERNAME,
	usernameOnlyMessage,
} from '../fixtures/webhooks';

describe('recipients: a phone number or a WhatsApp user ID', () => {
	it.each([
		['DE.8827364519203746', { kind: 'userId', userId: 'DE.8827364519203746', parent: false }],
		[
			'  US.ENT.11815799212886844830 ',
			{ kind: 'userId', userId: 'US.ENT.11815799212886844830', parent: true },
		],
		['+44 7700 900123', { kind: 'phone', e164: '+447700900123', digits: '447700900123' }],
		['4915112345678', { kind: 'phone', e164: '+4915112345678', digits: '4915112345678' }],
	])('reads %j', (input, expected) => {
		expect(readRecipientId(input)).toEqual(expected);
	});

	it.each([
		[
			'hello',
			'Recipient "hello" is neither a phone number nor a WhatsApp user ID: write a phone number with its country code (e.g. +44 7700 900123) or a WhatsApp user ID (e.g. DE.8827364519203746)',
		],
		[
			'de.8827364519203746',
			'Recipient "de.8827364519203746" is neither a phone number nor a WhatsApp user ID',
		],
		['DE.', 'Recipient "DE." is neither a phone number nor a WhatsApp user ID'],
		[`DE.${'1'.repeat(129)}`, 'is neither a phone number nor a WhatsApp user ID'],
		[
			'',
			'Recipient is empty: write a phone number with its country code (e.g. +44 7700 900123) or a WhatsApp user ID (e.g. DE.8827364519203746)',
		],
		[
			'07700 900123',
			'Recipient "07700 900123" has no country code: write it with one, e.g. +44 7700 900123, or set Options › Default Country',
		],
	])('refuses %j with one sentence that names both forms', (input, message) => {
		expect(() => readRecipientId(input)).toThrow(RecipientError);
		expect(() => readRecipientId(input)).toThrow(message);
	});

	it('takes a user ID of exactly 128 characters', () => {
		expect(readRecipientId(`DE.${'a'.repeat(128)}`)).toMatchObject({ kind: 'userId' });
	});
});

describe('contacts in webhooks', () => {
	it('a username contact who hides their number: user ID, username and key, no phone', () => {
		const [event] = readDelivery(usernameOnlyMessage('wamid.u1'));
		expect(event.contact).toEqual({
			key: USER_ID,
			address: USER_ID,
			userId: USER_ID,
			parentUserId: null,
			username: USERNAME,
			phoneNumber: null,
			waId: null,
			profileName: 'Ada',
		});
	});

	it('keeps one key for the person whether or not the number is shown, and carries the parent user ID', () => {
		const [hidden] = readDelivery(usernameOnlyMessage('wamid.u2'));
		const [shown] = readDelivery(bothIdentifiersMessage('wamid.u3'));
		expect(shown.contact).toMatchObject({
			key: USER_ID,
			userId: USER_ID,
			parentUserId: PARENT_USER_ID,
			phoneNumber: '+4915112345678',
			waId: '4915112345678',
			username: USERNAME,
		});
		expect(shown.contact?.key).toBe(hidden.contact?.key);
	});

	it('gives a status the recipient user ID and the username the contacts entry carries', () => {
		const [event] = readDelivery(statusToUserId('wamid.s1'));
		expect(event).toMatchObject({
			kind: 'status',
			contact: { key: USER_ID, userId: USER_ID, username: USERNAME, phoneNumber: null },
		});
	});

	it('says the old and new identifiers when a contact changed their user ID', () => {
		const [event] = readDelivery(userIdChangedMessage('wamid.c1'));
		expect(event.identityChange).toEqual({
			change: 'user_id',
			previous: { userId: USER_ID, phoneNumber: null, waId: null },
			current: { userId: NEW_USER_ID, phoneNumber: null, waId: null },
		});
	});

	it('says the old and new number and user ID when a contact changed their phone number', () => {
		const [event] = readDelivery(phoneChangedMessage('wamid.c2'));
		expect(event.identityChange).toEqual({
			change: 'phone_number',
			previous: { userId: USER_ID, phoneNumber: '+4915112345678', waId: '4915112345678' },
			current: { userId: NEW_USER_ID, phoneNumber: '+4915199999999', waId: '4915199999999' },
		});
	});

	it('reads the user_id_update field as an identity change of its own kind', () => {
		const [event] = readDelivery(userIdUpdate());
		expect(event).toMatchObject({
			kind: 'identityChange',
			identityChange: {
				change: 'user_id',
				previous: { userId: USER_ID },
				current: { userId: NEW_USER_ID, waId: '4915199999999' },
			},
			contact: { key: NEW_USER_ID, phoneNumber: '+4915199999999', profileName: 'Ada' },
		});
	});

	it('puts the number a contact shared on request next to their user ID, and on the contact', () => {
		const [event] = readDelivery(contactInfoShared('wamid.r1'));
		expect(event.sharedContactInfo).toEqual({
			userId: USER_ID,
			phoneNumber: '+4915112345678',
			waId: '4915112345678',
			name: 'Ada Lovelace',
		});
		expect(event.contact).toMatchObject({
			key: USER_ID,
			userId: USER_ID,
			phoneNumber: '+4915112345678',
		});
	});
});

describe('one key per contact a message goes to', () => {
	const keyOf = (to: string) => recipientKeyOf(readRecipientId(to, 'DE'));

	it.each([
		['+49 151 12345678', '0049 151 12345678', '015112345678', '(+49) 1511-2345678'],
		['+55 11 98765 4321', '+55 11 8765 4321'], // a Brazilian mobile with and without the 9th digit
		['DE.8827364519203746', ' DE.8827364519203746 '],
	])('however the contact is written, one key: %s', (...forms) => {
		expect(new Set(forms.map(keyOf)).size).toBe(1);
	});

	it('different contacts have different keys', () => {
		const contacts = ['+4915112345678', '+4915112345679', '+5511912345678', 'DE.8827364519203746'];
		expect(new Set(contacts.map(keyOf)).size).toBe(contacts.length);
	});
});
