import { contactKey, parsePhoneNumber, PhoneNumberError } from '../../nodes/Dialog360/domain/phone';

describe('parsePhoneNumber', () => {
	it.each([
		['+44 7700 900123', undefined, '+447700900123'],
		['0044 7700 900123', undefined, '+447700900123'],
		['07700 900123', 'GB', '+447700900123'],
		['(555) 123-4567', 'US', '+15551234567'],
		['447700900123', undefined, '+447700900123'],
		['4915112345678', 'GB', '+4915112345678'],
		['+1 (202) 555-0123', undefined, '+12025550123'],
		['011 15 2345-6789', 'AR', '+5491123456789'],
		['5215512345678', undefined, '+525512345678'],
	])('reads %s (default country %s) as %s', (input, country, e164) => {
		const parsed = parsePhoneNumber(input, country);
		expect(parsed.e164).toBe(e164);
		expect(parsed.digits).toBe(e164.slice(1));
	});

	it.each([
		['', undefined, 'it is empty'],
		['   ', undefined, 'it is empty'],
		['hello', undefined, 'only digits'],
		['+44 7700 9001234567890', undefined, 'numbering plan'],
		['07700 900123', undefined, 'add the country code'],
		['123', 'GB', 'numbering plan'],
		['07700 900123', 'England', 'two-letter ISO code'],
	])('rejects %j (default country %s) saying %s', (input, country, problem) => {
		expect(() => parsePhoneNumber(input, country)).toThrow(PhoneNumberError);
		expect(() => parsePhoneNumber(input, country)).toThrow(problem);
	});

	it('names the value it rejects', () => {
		expect(() => parsePhoneNumber('12ab')).toThrow('"12ab" is not a phone number');
	});

	it('rejects a JSON object whose "toString" is not a function with its own error, not a TypeError', () => {
		// Found by the property test: String({ toString: {} }) throws.
		expect(() => parsePhoneNumber({ toString: {} })).toThrow(
			new PhoneNumberError('{"toString":{}}', 'expected text (got object)'),
		);
		expect(() => parsePhoneNumber(null)).toThrow('expected text (got null)');
	});
});

describe('contactKey', () => {
	it.each([
		['Brazil mobile with and without the 9th digit', '+55 11 98765-4321', '+55 11 8765-4321'],
		['Brazil mobile, wa_id form', '5521987654321', '552187654321'],
		['Mexico 521 and 52', '5215512345678', '+52 55 1234 5678'],
		['Argentina 549 and 54', '+54 9 11 2345-6789', '+54 11 2345-6789'],
	])('folds %s into one contact', (_name, a, b) => {
		expect(contactKey(a)).toBe(contactKey(b));
	});

	it('keeps Brazilian landlines (no 9th digit rule) and other countries as they are', () => {
		expect(contactKey('+55 11 3456-7890')).toBe('551134567890');
		expect(contactKey('+44 7700 900123')).toBe('447700900123');
		expect(contactKey('+55 11 98765-4321')).not.toBe(contactKey('+55 11 3456-7890'));
	});
});
