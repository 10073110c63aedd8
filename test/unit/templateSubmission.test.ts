import {
	buildTemplateSubmission,
	type TemplateSubmissionInput,
} from '../../nodes/Dialog360/domain/templateSubmission';

const base: TemplateSubmissionInput = {
	name: 'order_update',
	category: 'UTILITY',
	language: 'en_US',
	body: 'Your order ships today.',
};

function messages(input: Partial<TemplateSubmissionInput>): string[] {
	return buildTemplateSubmission({ ...base, ...input }).violations.map(
		(violation) => violation.message,
	);
}

describe('template rules at their boundaries', () => {
	const cases: Array<
		[string, Partial<TemplateSubmissionInput>, Partial<TemplateSubmissionInput>, string]
	> = [
		[
			'name length',
			{ name: 'n'.repeat(512) },
			{ name: 'n'.repeat(513) },
			'Name must be at most 512 characters (got 513)',
		],
		[
			'body length',
			{ body: 'b'.repeat(1024) },
			{ body: 'b'.repeat(1025) },
			'Body must be at most 1024 characters (got 1025)',
		],
		[
			'footer length',
			{ footer: 'f'.repeat(60) },
			{ footer: 'f'.repeat(61) },
			'Footer must be at most 60 characters (got 61)',
		],
		[
			'header text length',
			{ header: { format: 'TEXT', text: 'h'.repeat(60) } },
			{ header: { format: 'TEXT', text: 'h'.repeat(61) } },
			'Header Text must be at most 60 characters (got 61)',
		],
		[
			'header variables',
			{ header: { format: 'TEXT', text: 'Hi {{1}}', textSample: 'Ada' } },
			{ header: { format: 'TEXT', text: 'Hi {{1}} {{2}}', textSample: 'Ada' } },
			'Header Text must have at most 1 variable (got 2)',
		],
		[
			'button text',
			{ buttons: [{ type: 'QUICK_REPLY', text: 't'.repeat(25) }] },
			{ buttons: [{ type: 'QUICK_REPLY', text: 't'.repeat(26) }] },
			'Button 1 Text must be at most 25 characters (got 26)',
		],
		[
			'buttons in all',
			{
				buttons: Array.from({ length: 10 }, (_, i) => ({
					type: 'QUICK_REPLY' as const,
					text: `b${i}`,
				})),
			},
			{
				buttons: Array.from({ length: 11 }, (_, i) => ({
					type: 'QUICK_REPLY' as const,
					text: `b${i}`,
				})),
			},
			'Buttons must be at most 10 in all (got 11)',
		],
		[
			'URL buttons',
			{
				buttons: [
					{ type: 'URL', text: 'a', url: 'https://a.io' },
					{ type: 'URL', text: 'b', url: 'https://b.io' },
				],
			},
			{
				buttons: [
					{ type: 'URL', text: 'a', url: 'https://a.io' },
					{ type: 'URL', text: 'b', url: 'https://b.io' },
					{ type: 'URL', text: 'c', url: 'https://c.io' },
				],
			},
			'Buttons may include at most 2 URL buttons (got 3)',
		],
		[
			'phone buttons',
			{ buttons: [{ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+4930123456' }] },
			{
				buttons: [
					{ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+4930123456' },
					{ type: 'PHONE_NUMBER', text: 'Call 2', phoneNumber: '+4930123457' },
				],
			},
			'Buttons may include at most 1 phone-number button (got 2)',
		],
		[
			'URL length',
			{ buttons: [{ type: 'URL', text: 'a', url: `https://a.io/${'p'.repeat(2000 - 13)}` }] },
			{ buttons: [{ type: 'URL', text: 'a', url: `https://a.io/${'p'.repeat(2001 - 13)}` }] },
			'Button 1 URL must be at most 2000 characters (got 2001)',
		],
	];

	it.each(cases)(
		'%s: the limit passes, one past it fails',
		(_name, atLimit, pastLimit, message) => {
			expect(messages(atLimit)).toEqual([]);
			expect(messages(pastLimit).join(' | ')).toContain(message);
		},
	);
});

describe('template variables', () => {
	it('numbers positional variables from 1 without gaps', () => {
		expect(messages({ body: 'Hi {{1}}, order {{3}} ships.', bodySamples: ['a', 'b'] })).toContain(
			'Body variables must be numbered {{1}} to {{2}} without gaps (got {{1}}, {{3}})',
		);
	});

	it('refuses a variable at the start, at the end, and two side by side', () => {
		expect(messages({ body: '{{1}} is ready', bodySamples: ['a'] })[0]).toMatch(
			/^Body must not start with a variable/,
		);
		expect(messages({ body: 'Ready: {{1}}', bodySamples: ['a'] })[0]).toMatch(
			/^Body must not end with a variable/,
		);
		expect(messages({ body: 'Hi {{1}} {{2}} there', bodySamples: ['a', 'b'] })[0]).toMatch(
			/^Body must not have two variables side by side/,
		);
	});

	it('refuses an empty variable {{}} in the body, the header, the footer and a button URL', () => {
		const rule = ': a variable is a number such as {{1}} or a name such as {{first_name}}';
		expect(messages({ body: 'Hi {{}} {{}} there' })).toContain(
			`Body has an empty variable {{}}${rule}`,
		);
		expect(
			messages({ body: 'Hi', header: { format: 'TEXT', text: 'Order {{ }}' } }).join(' | '),
		).toContain(`Header Text has an empty variable {{}}${rule}`);
		expect(messages({ body: 'Hi', footer: 'Bye {{}}' }).join(' | ')).toContain(
			'Footer must not have variables',
		);
		expect(
			messages({
				body: 'Hi',
				buttons: [{ type: 'URL', text: 'Track', url: 'https://a.io/{{}}' }],
			}).join(' | '),
		).toContain(`Button 1 URL has an empty variable {{}}${rule}`);
	});

	it('needs one non-empty sample per variable', () => {
		expect(messages({ body: 'Hi {{1}}, order {{2}}.', bodySamples: ['Ada'] })[0]).toMatch(
			/^Body has 2 variables but 1 sample/,
		);
		expect(messages({ body: 'Hi {{1}}, order {{2}}.', bodySamples: ['Ada', ' '] })[0]).toMatch(
			/^Body sample for \{\{2\}\} is empty/,
		);
	});

	it('builds named examples and sets parameter_format', () => {
		const { payload, violations } = buildTemplateSubmission({
			...base,
			parameterFormat: 'NAMED',
			body: 'Hi {{first_name}}, order {{order_id}}.',
			bodySamples: ['Ada', '7'],
		});
		expect(violations).toEqual([]);
		expect(payload.parameter_format).toBe('NAMED');
		expect(payload.components).toEqual([
			{
				type: 'BODY',
				text: 'Hi {{first_name}}, order {{order_id}}.',
				example: {
					body_text_named_params: [
						{ param_name: 'first_name', example: 'Ada' },
						{ param_name: 'order_id', example: '7' },
					],
				},
			},
		]);
	});

	it('refuses named variables in a positional template and numbers in a named one', () => {
		expect(messages({ body: 'Hi {{name}}.', bodySamples: ['a'] })[0]).toMatch(
			/^Body uses named variables \(\{\{name\}\}\) but Parameter Format is Positional/,
		);
		expect(
			messages({ parameterFormat: 'NAMED', body: 'Hi {{1}}.', bodySamples: ['a'] })[0],
		).toMatch(/^Body uses numbered variables/);
	});

	it('allows no variables in the footer', () => {
		expect(messages({ footer: 'Reply {{1}}' })[0]).toMatch(/^Footer must not have variables/);
	});
});

describe('template buttons and headers', () => {
	it('keeps quick replies together', () => {
		expect(
			messages({
				buttons: [
					{ type: 'QUICK_REPLY', text: 'a' },
					{ type: 'URL', text: 'u', url: 'https://a.io' },
					{ type: 'QUICK_REPLY', text: 'b' },
				],
			})[0],
		).toBe(
			'Buttons of the quick-reply type must be next to each other, not between URL or phone buttons (they are at positions 1, 3)',
		);
	});

	it('puts the URL variable only at the end, with a sample', () => {
		expect(
			messages({
				buttons: [
					{ type: 'URL', text: 'a', url: 'https://a.io/{{1}}/x', urlSample: 'https://a.io/1/x' },
				],
			})[0],
		).toMatch(/^Button 1 URL variable must be at the very end of the URL/);
		expect(
			messages({ buttons: [{ type: 'URL', text: 'a', url: 'https://a.io/{{1}}' }] })[0],
		).toMatch(/^Button 1 URL Sample is required/);
		const { payload } = buildTemplateSubmission({
			...base,
			buttons: [
				{ type: 'URL', text: 'Track', url: 'https://a.io/o/{{1}}', urlSample: 'https://a.io/o/7' },
			],
		});
		expect((payload.components as unknown[])[1]).toEqual({
			type: 'BUTTONS',
			buttons: [
				{ type: 'URL', text: 'Track', url: 'https://a.io/o/{{1}}', example: ['https://a.io/o/7'] },
			],
		});
	});

	it('allows a copy-code button only in marketing templates', () => {
		expect(messages({ buttons: [{ type: 'COPY_CODE', example: 'SAVE10' }] })[0]).toBe(
			'Button 1 cannot be a copy-code button in a utility template: only marketing templates have one',
		);
		expect(
			messages({ category: 'MARKETING', buttons: [{ type: 'COPY_CODE', example: 'SAVE10' }] }),
		).toEqual([]);
	});

	it('needs a sample for a media header', () => {
		expect(messages({ header: { format: 'IMAGE' } })[0]).toMatch(
			/^Header Sample is required for an image header: a URL or a file to upload/,
		);
		expect(messages({ header: { format: 'IMAGE', mediaSample: 'https://a.io/s.jpg' } })).toEqual(
			[],
		);
	});

	it('reports every violation together', () => {
		const all = messages({
			name: 'Bad Name',
			body: '',
			footer: 'f'.repeat(61),
			buttons: [{ type: 'QUICK_REPLY', text: '' }],
		});
		expect(all).toEqual([
			expect.stringMatching(/^Name may only contain lowercase letters/),
			expect.stringMatching(/^Body must be at least 1 character \(got 0\)/),
			expect.stringMatching(/^Footer must be at most 60 characters \(got 61\)/),
			expect.stringMatching(/^Button 1 Text must be at least 1 character \(got 0\)/),
		]);
	});
});

describe('authentication templates', () => {
	it('get their fixed form', () => {
		const { payload, violations } = buildTemplateSubmission({
			name: 'login_code',
			category: 'AUTHENTICATION',
			language: 'en',
			authentication: {
				addSecurityRecommendation: true,
				codeExpirationMinutes: 10,
				otpType: 'COPY_CODE',
			},
		});
		expect(violations).toEqual([]);
		expect(payload).toEqual({
			name: 'login_code',
			category: 'AUTHENTICATION',
			language: 'en',
			components: [
				{ type: 'BODY', add_security_recommendation: true },
				{ type: 'FOOTER', code_expiration_minutes: 10 },
				{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE' }] },
			],
		});
	});

	it('checks the code expiry range', () => {
		expect(
			buildTemplateSubmission({
				name: 'a',
				category: 'AUTHENTICATION',
				language: 'en',
				authentication: { codeExpirationMinutes: 91 },
			}).violations[0].message,
		).toMatch(/^Code Expiration Minutes must be a whole number from 1 to 90 \(got 91\)/);
	});
});

describe('every other template rule names the field, the problem and the rule', () => {
	const cases: Array<[string, Partial<TemplateSubmissionInput>, RegExp]> = [
		[
			'category outside the enum',
			{ category: 'PROMO' },
			/^Category must be one of MARKETING, UTILITY, AUTHENTICATION \(got "PROMO"\)$/,
		],
		[
			'language not a code',
			{ language: 'English' },
			/^Language must be a WhatsApp language code such as en, en_US or pt_BR \(got "English"\)$/,
		],
		[
			'named variable with capitals',
			{ parameterFormat: 'NAMED', body: 'Hi {{FirstName}}, thanks.', bodySamples: ['Ada'] },
			/^Body variable \{\{FirstName\}\} must be lowercase letters, digits and _, starting with a letter$/,
		],
		[
			'header sample that is not a URL',
			{ header: { format: 'VIDEO', mediaSample: 'sample.mp4' } },
			/^Header Sample must be an http\(s\) URL \(got "sample.mp4"\)$/,
		],
		[
			'header variable without a sample',
			{ header: { format: 'TEXT', text: 'Order {{1}}' } },
			/^Header Text sample for \{\{1\}\} is empty: every variable needs an example$/,
		],
		[
			'phone button with a bad number',
			{ buttons: [{ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: 'call us' }] },
			/^Button 1 Phone Number "call us" is not a phone number/,
		],
		[
			'copy-code example one past 15',
			{ category: 'MARKETING', buttons: [{ type: 'COPY_CODE', example: 'C'.repeat(16) }] },
			/^Button 1 Example Code must be at most 15 characters \(got 16\)$/,
		],
		[
			'URL button with two variables',
			{
				buttons: [
					{
						type: 'URL',
						text: 'Go',
						url: 'https://a.io/{{1}}/{{2}}',
						urlSample: 'https://a.io/1/2',
					},
				],
			},
			/^Button 1 URL must have at most 1 variable \(got 2\)$/,
		],
		[
			'URL button that is not http',
			{ buttons: [{ type: 'URL', text: 'Go', url: 'ftp://a.io' }] },
			/^Button 1 URL must start with http:\/\/ or https:\/\/ \(got "ftp:\/\/a.io"\)$/,
		],
		[
			'more than one copy-code button',
			{
				category: 'MARKETING',
				buttons: [
					{ type: 'COPY_CODE', example: 'A' },
					{ type: 'COPY_CODE', example: 'B' },
				],
			},
			/^Buttons may include at most 1 copy-code button \(got 2\)$/,
		],
		[
			'request-contact-info button with a label of its own',
			{ buttons: [{ type: 'REQUEST_CONTACT_INFO', text: 'Share' }] },
			/^Button 1 Text must be empty for a request-contact-info button: WhatsApp sets its label$/,
		],
		[
			'two request-contact-info buttons',
			{
				buttons: [{ type: 'REQUEST_CONTACT_INFO' }, { type: 'REQUEST_CONTACT_INFO' }],
			},
			/^Buttons may include at most 1 request-contact-info button \(got 2\)$/,
		],
		[
			'OTP button of an unknown kind',
			{ category: 'AUTHENTICATION', authentication: { otpType: 'SMS' } },
			/^OTP Button must be one of COPY_CODE, ONE_TAP, ZERO_TAP \(got "SMS"\)$/,
		],
	];

	it.each(cases)('%s', (_name, input, message) => {
		expect(messages(input).some((text) => message.test(text))).toBe(true);
	});
});

describe('request-contact-info button', () => {
	it('asks a username contact for their number in utility and marketing templates, and sends no label', () => {
		const { payload, violations } = buildTemplateSubmission({
			...base,
			buttons: [{ type: 'QUICK_REPLY', text: 'Later' }, { type: 'REQUEST_CONTACT_INFO' }],
		});
		expect(violations).toEqual([]);
		expect((payload.components as unknown[])[1]).toEqual({
			type: 'BUTTONS',
			buttons: [{ type: 'QUICK_REPLY', text: 'Later' }, { type: 'REQUEST_CONTACT_INFO' }],
		});
		expect(
			messages({ category: 'MARKETING', buttons: [{ type: 'REQUEST_CONTACT_INFO' }] }),
		).toEqual([]);
	});
});
