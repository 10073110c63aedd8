/**
 * Phone numbers as users type them, as WhatsApp wants them, and as one contact whatever variant
 * WhatsApp reports. All parsing goes through libphonenumber-js (Google's numbering metadata).
 */
import { parsePhoneNumberFromString, type CountryCode } from './libphonenumber';

import { textOf } from './values';

export interface PhoneNumber {
	/** "+447700900123" */
	e164: string;
	/** "447700900123": what the API takes in `to` and sends as `wa_id`. */
	digits: string;
	/** ISO country, when the number belongs to exactly one. */
	country?: string;
	/** False for numbers that have a possible length but no assigned range (e.g. US 555 numbers). */
	valid: boolean;
}

/** Why a text is not a phone number, for messages that say what to do about it. */
export type PhoneProblem =
	'notText' | 'empty' | 'characters' | 'defaultCountry' | 'noCountryCode' | 'unknownNumber';

export class PhoneNumberError extends Error {
	constructor(
		readonly input: string,
		readonly problem: string,
		readonly reason: PhoneProblem = 'unknownNumber',
	) {
		super(`"${input}" is not a phone number: ${problem}`);
		this.name = 'PhoneNumberError';
	}
}

const SEPARATORS = /[\s\-().\u00a0\u2010-\u2015/]/g;
const INTERNATIONAL_PREFIX = /^(\+|00)/;

export function isCountryCode(value: string): boolean {
	return /^[A-Z]{2}$/.test(value);
}

/** ITU-T E.164: a country code and subscriber number of at most 15 digits. */
const E164_MAX_DIGITS = 15;

function fromParsed(
	parsed: ReturnType<typeof parsePhoneNumberFromString>,
): PhoneNumber | undefined {
	// libphonenumber calls some 16-digit strings "possible" (Japan's wide ranges); E.164 never allows them.
	if (!parsed || !parsed.isPossible() || parsed.number.length - 1 > E164_MAX_DIGITS)
		return undefined;
	return {
		e164: parsed.number,
		digits: parsed.number.slice(1),
		country: parsed.country,
		valid: parsed.isValid(),
	};
}

/**
 * Reads "+44 7700 900123", "0044 7700 900123", "07700 900123" (with a default country),
 * "(555) 123-4567" (with US) and bare wa_id digits ("447700900123").
 */
export function parsePhoneNumber(input: unknown, defaultCountry?: string): PhoneNumber {
	const read = readPhoneNumber(input, defaultCountry);
	if (read instanceof PhoneNumberError) throw read;
	return read;
}

/** parsePhoneNumber that returns what is wrong instead of throwing it. */
export function readPhoneNumber(
	input: unknown,
	defaultCountry?: string,
): PhoneNumber | PhoneNumberError {
	const raw = typeof input === 'number' ? String(input) : input;
	if (typeof raw !== 'string')
		return new PhoneNumberError(
			textOf(raw),
			`expected text (got ${raw === null ? 'null' : typeof raw})`,
			'notText',
		);
	const trimmed = raw.trim();
	if (trimmed === '') return new PhoneNumberError(raw, 'it is empty', 'empty');

	const compact = trimmed.replace(SEPARATORS, '');
	if (!/^\+?\d+$/.test(compact)) {
		return new PhoneNumberError(
			trimmed,
			'only digits, spaces, "+", "-", "(", ")" and "." are allowed',
			'characters',
		);
	}
	const country = defaultCountry ? defaultCountry.trim().toUpperCase() : undefined;
	if (country !== undefined && country !== '' && !isCountryCode(country)) {
		return new PhoneNumberError(
			trimmed,
			`default country "${defaultCountry}" is not a two-letter ISO code`,
			'defaultCountry',
		);
	}

	const candidates: Array<() => PhoneNumber | undefined> = [];
	if (INTERNATIONAL_PREFIX.test(compact)) {
		candidates.push(() =>
			fromParsed(parsePhoneNumberFromString(compact.replace(INTERNATIONAL_PREFIX, '+'))),
		);
	} else {
		// A national number is read in the default country first; digits that don't fit it are a wa_id.
		if (country) {
			candidates.push(() =>
				fromParsed(parsePhoneNumberFromString(compact, country as CountryCode)),
			);
		}
		candidates.push(() => fromParsed(parsePhoneNumberFromString(`+${compact}`)));
	}
	// A variant the numbering plan no longer knows (Mexico's 521) is read in its current form.
	const internationalDigits = compact.replace(INTERNATIONAL_PREFIX, '');
	if (canonicalDigits(internationalDigits) !== internationalDigits) {
		candidates.push(() =>
			fromParsed(parsePhoneNumberFromString(`+${canonicalDigits(internationalDigits)}`)),
		);
	}

	let possible: PhoneNumber | undefined;
	for (const candidate of candidates) {
		const parsed = candidate();
		if (parsed?.valid) return parsed;
		possible ??= parsed;
	}
	if (possible) return possible;

	const digitCount = compact.replace(/\D/g, '').length;
	if (!INTERNATIONAL_PREFIX.test(compact) && !country) {
		return new PhoneNumberError(
			trimmed,
			'add the country code (e.g. +44 7700 900123) or set a default country',
			'noCountryCode',
		);
	}
	return new PhoneNumberError(
		trimmed,
		`no country's numbering plan has a number like it (${digitCount} digits)`,
		'unknownNumber',
	);
}

/**
 * Countries where WhatsApp reports one mobile number in two forms (Brazil's ninth digit, Mexico's
 * 521, Argentina's 549: https://github.com/chatwoot/chatwoot/issues/5840 and several providers'
 * FAQs [M]). Each rule turns the longer form into the shorter one, so both forms give the same key.
 */
const CONTACT_VARIANTS: Array<{
	country: string;
	pattern: RegExp;
	replacement: string;
	note: string;
}> = [
	{
		country: 'BR',
		// 55 + area (2) + 9 + 8 digits starting 6-9: mobiles gained a 9th digit; old wa_ids lack it.
		pattern: /^55(\d{2})9([6-9]\d{7})$/,
		replacement: '55$1$2',
		note: 'Brazilian mobile with and without the 9th digit',
	},
	{
		country: 'MX',
		// 521 + 10 digits was the mobile form until 2019; WhatsApp still reports it for some accounts.
		pattern: /^521(\d{10})$/,
		replacement: '52$1',
		note: 'Mexican mobile with and without the 1 after 52',
	},
	{
		country: 'AR',
		// International mobile form is 54 9 + 10 digits; some systems drop the 9.
		pattern: /^549(\d{10})$/,
		replacement: '54$1',
		note: 'Argentinian mobile with and without the 9 after 54',
	},
];

/** One key per contact: the digits, with the known WhatsApp variants folded into one form. */
export function contactKey(input: unknown, defaultCountry?: string): string {
	const { digits } = parsePhoneNumber(input, defaultCountry);
	return canonicalDigits(digits);
}

export function canonicalDigits(digits: string): string {
	for (const variant of CONTACT_VARIANTS) {
		if (variant.pattern.test(digits)) return digits.replace(variant.pattern, variant.replacement);
	}
	return digits;
}
