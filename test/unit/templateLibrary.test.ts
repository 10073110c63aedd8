/**
 * Templates from Meta's template library: what may be customised (the inputs of URL, phone-number
 * and OTP buttons) is checked against the library entry, good input passes and bad input is refused
 * naming its field; the library's answers are read into one shape.
 */
import fc from 'fast-check';

import {
	buildLibrarySubmission,
	readLibraryPage,
	simplifyLibraryTemplate,
	type LibraryButtonInput,
	type LibraryTemplate,
} from '../../nodes/Dialog360/domain/templateSubmission/library';
import { TEMPLATE_LIBRARY } from '../emulator/routes/templateLibrary';
import { namesItsField } from '../property/arbitraries';

const entry = (name: string, language = 'en_US'): LibraryTemplate => {
	const found = TEMPLATE_LIBRARY.find(
		(candidate) => candidate.name === name && candidate.language === language,
	);
	if (!found) throw new Error(`no library entry ${name}`);
	return found;
};

const url = (base: string, sample?: string): LibraryButtonInput => ({
	type: 'URL',
	url: base,
	urlSample: sample,
});
const phone = (number: string): LibraryButtonInput => ({
	type: 'PHONE_NUMBER',
	phoneNumber: number,
});

function build(
	buttonInputs: LibraryButtonInput[],
	// null: the library has no such entry (undefined would take the default).
	library: LibraryTemplate | null = entry('low_balance_warning_1'),
	extra: { name?: string; language?: string; libraryTemplateName?: string } = {},
) {
	return buildLibrarySubmission(
		{
			name: 'my_low_balance',
			language: 'en_US',
			libraryTemplateName: library?.name ?? 'missing_1',
			buttonInputs,
			...extra,
		},
		library ?? undefined,
	);
}

const messages = (result: ReturnType<typeof build>) =>
	result.violations.map((violation) => violation.message);

describe('a template from the library', () => {
	it('sends the name, language, library name, the entry category and the button inputs', () => {
		const result = build([
			url('https://bank.example/deposit/{{1}}', 'https://bank.example/deposit/42'),
			phone('+49 30 123456'),
		]);
		expect(result.violations).toEqual([]);
		expect(result.payload).toEqual({
			name: 'my_low_balance',
			category: 'UTILITY',
			language: 'en_US',
			library_template_name: 'low_balance_warning_1',
			library_template_button_inputs: [
				{
					type: 'URL',
					url: {
						base_url: 'https://bank.example/deposit/{{1}}',
						url_suffix_example: 'https://bank.example/deposit/42',
					},
				},
				{ type: 'PHONE_NUMBER', phone_number: '+4930123456' },
			],
		});
	});

	it('sends no inputs for an entry without buttons, and a URL without a variable needs no sample', () => {
		expect(build([], entry('payment_confirmation_1')).payload).not.toHaveProperty(
			'library_template_button_inputs',
		);
		expect(
			build([url('https://shop.example/track')], entry('delivery_update_1')).payload
				.library_template_button_inputs,
		).toEqual([{ type: 'URL', url: { base_url: 'https://shop.example/track' } }]);
	});

	it('refuses a library name the library does not have in that language, naming the field', () => {
		const result = build([], null, { libraryTemplateName: 'delivery_update_9' });
		expect(result.violations).toEqual([
			{
				field: 'Library Template',
				message: expect.stringContaining(
					`Library Template "delivery_update_9" is not in WhatsApp's template library in en_US`,
				),
			},
		]);
	});

	it('refuses a marketing entry: only utility and authentication library templates', () => {
		const result = build([], { ...entry('payment_confirmation_1'), category: 'MARKETING' });
		expect(messages(result)).toEqual([
			expect.stringContaining('only utility and authentication library templates'),
		]);
	});

	it('requires an input for every URL and phone-number button of the entry', () => {
		const result = build([url('https://bank.example/deposit')]);
		expect(result.violations).toEqual([
			{
				field: 'Button Inputs',
				message: expect.stringContaining(
					'Button Inputs must include one for the phone-number button "Call us"',
				),
			},
		]);
	});

	it('refuses an input for a button the entry does not have', () => {
		const result = build(
			[url('https://shop.example/track'), phone('+4930123456')],
			entry('delivery_update_1'),
		);
		expect(result.violations).toEqual([
			{
				field: 'Button Input 2',
				message: expect.stringContaining(
					'Button Input 2 is for a phone-number button, but the library template delivery_update_1 has none',
				),
			},
		]);
		// A flow button takes no input: its label and action are fixed.
		expect(messages(build([url('https://a.example')], entry('delivery_failed_2_form')))).toEqual([
			expect.stringContaining('Button Input 1 is for a URL button'),
		]);
	});

	it.each([
		[
			'a URL that is not http(s)',
			[url('ftp://bank.example'), phone('+4930123456')],
			'Button Input 1 URL',
			'must start with http:// or https://',
		],
		[
			'a variable not at the end',
			[url('https://a.example/{{1}}/x', 'https://a.example/1/x'), phone('+4930123456')],
			'Button Input 1 URL',
			'variable must be at the very end',
		],
		[
			'a variable without a sample',
			[url('https://a.example/{{1}}'), phone('+4930123456')],
			'Button Input 1 URL Sample',
			'URL Sample is required',
		],
		[
			'a number without its country code',
			[url('https://a.example'), phone('030 123456')],
			'Button Input 2 Phone Number',
			'is not a phone number with its country code',
		],
	])('refuses %s, naming the field', (_case, inputs, field, text) => {
		const result = build(inputs);
		expect(result.violations).toEqual([{ field, message: expect.stringContaining(text) }]);
	});

	it('checks an OTP input: its type, the app for one-tap and zero-tap, the zero-tap terms', () => {
		const otp = (input: Partial<LibraryButtonInput>) =>
			build([{ type: 'OTP', ...input }], entry('verify_otp_usecase'));
		expect(otp({ otpType: 'COPY_CODE' }).payload).toEqual(
			expect.objectContaining({
				category: 'AUTHENTICATION',
				library_template_button_inputs: [{ type: 'OTP', otp_type: 'COPY_CODE' }],
			}),
		);
		expect(
			otp({
				otpType: 'ZERO_TAP',
				packageName: 'com.example.app',
				signatureHash: 'K8a/AINcGX7',
				zeroTapTermsAccepted: true,
			}).payload.library_template_button_inputs,
		).toEqual([
			{
				type: 'OTP',
				otp_type: 'ZERO_TAP',
				supported_apps: [{ package_name: 'com.example.app', signature_hash: 'K8a/AINcGX7' }],
				zero_tap_terms_accepted: true,
			},
		]);
		expect(otp({ otpType: 'ZERO_TAP' }).violations.map((violation) => violation.field)).toEqual([
			'Button Input 1 Package Name',
			'Button Input 1 Signature Hash',
			'Button Input 1 Zero-Tap Terms Accepted',
		]);
		expect(messages(otp({ otpType: 'FOUR_TAP' }))).toEqual([
			'Button Input 1 OTP Type must be one of COPY_CODE, ONE_TAP, ZERO_TAP (got "FOUR_TAP")',
		]);
	});

	it('applies the name and language rules of every new template', () => {
		// A malformed language: the library was not asked, so only the Language error is given.
		expect(
			build([], null, { language: 'english' }).violations.map((violation) => violation.field),
		).toEqual(['Language']);
		const result = build(
			[url('https://a.example'), phone('+4930123456')],
			entry('low_balance_warning_1'),
			{
				name: 'My Template',
				language: 'english',
			},
		);
		expect(result.violations.map((violation) => violation.field)).toEqual(['Name', 'Language']);
	});
});

describe('library inputs, generated', () => {
	const input: fc.Arbitrary<LibraryButtonInput> = fc.record({
		type: fc.constantFrom('URL', 'PHONE_NUMBER', 'OTP', 'QUICK_REPLY'),
		url: fc.constantFrom('https://a.example', 'https://a.example/{{1}}', 'a.example', ''),
		urlSample: fc.constantFrom('', 'https://a.example/1'),
		phoneNumber: fc.constantFrom('+4930123456', '123', ''),
		otpType: fc.constantFrom('COPY_CODE', 'ONE_TAP', 'ZERO_TAP', 'X'),
		packageName: fc.constantFrom('', 'com.example.app'),
		signatureHash: fc.constantFrom('', 'K8a/AINcGX7'),
		zeroTapTermsAccepted: fc.boolean(),
	});
	const library = fc.constantFrom(...TEMPLATE_LIBRARY);

	it('accepts exactly the inputs that fit the entry; every refusal names its field', () => {
		fc.assert(
			fc.property(library, fc.array(input, { maxLength: 3 }), (chosen, inputs) => {
				const result = build(inputs, chosen, {
					libraryTemplateName: chosen.name,
					language: chosen.language,
				});
				result.violations.forEach((violation) => expect(namesItsField(violation)).toBe(true));
				const needed = (chosen.buttons ?? [])
					.map((button) => button.type)
					.filter((type) => ['URL', 'PHONE_NUMBER', 'OTP'].includes(type))
					.sort();
				const fits =
					JSON.stringify(inputs.map((entry) => entry.type).sort()) === JSON.stringify(needed);
				if (!fits) expect(result.violations.length).toBeGreaterThan(0);
				if (result.violations.length === 0)
					expect(result.payload.library_template_button_inputs ?? []).toHaveLength(inputs.length);
			}),
			{ numRuns: 2000 },
		);
	});

	it('accepts every entry of the library with well-formed inputs for its buttons', () => {
		for (const chosen of TEMPLATE_LIBRARY) {
			const inputs = (chosen.buttons ?? []).flatMap((button): LibraryButtonInput[] =>
				button.type === 'URL'
					? [url('https://shop.example/x')]
					: button.type === 'PHONE_NUMBER'
						? [phone('+4930123456')]
						: button.type === 'OTP'
							? [{ type: 'OTP', otpType: 'COPY_CODE' }]
							: [],
			);
			const result = build(inputs, chosen, {
				libraryTemplateName: chosen.name,
				language: chosen.language,
			});
			expect(result.violations).toEqual([]);
		}
	});
});

describe('reading the library', () => {
	it('reads a page with its cursor, and the last page without one', () => {
		expect(
			readLibraryPage({
				data: [entry('delivery_update_1')],
				paging: { cursors: { after: 'MQ==' }, next: 'https://x/?after=MQ==' },
			}),
		).toEqual({ templates: [entry('delivery_update_1')], after: 'MQ==' });
		expect(
			readLibraryPage({ data: [], paging: { cursors: { after: 'MQ==' } } }).after,
		).toBeUndefined();
		expect(() => readLibraryPage({ waba_templates: [] })).toThrow('no "data" list');
	});

	it('says what each button needs', () => {
		expect(simplifyLibraryTemplate(entry('low_balance_warning_1'))).toEqual(
			expect.objectContaining({
				name: 'low_balance_warning_1',
				category: 'UTILITY',
				topic: 'PAYMENTS',
				useCase: 'LOW_BALANCE_WARNING',
				industry: ['FINANCIAL_SERVICES'],
				header: 'Your account balance is low',
				buttons: [
					{
						type: 'URL',
						text: 'Make a deposit',
						example: 'https://www.example.com/',
						needs: expect.stringContaining('Your URL'),
					},
					{
						type: 'PHONE_NUMBER',
						text: 'Call us',
						example: '+18005551234',
						needs: 'Your phone number',
					},
				],
			}),
		);
		expect(simplifyLibraryTemplate(entry('delivery_failed_2_form')).buttons).toEqual([
			{
				type: 'FLOW',
				text: 'Reschedule',
				example: null,
				needs: 'Nothing: its label and action are fixed',
			},
		]);
	});
});
