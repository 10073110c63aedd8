/**
 * Every validator and parser, fed 10,000 generated inputs each: it either accepts the input and
 * builds a payload that the rules allow (checked here against the rules written out again, not read
 * from the table), or rejects it with violations that name the field and say what is wrong. Never
 * another exception.
 */
import fc from 'fast-check';

import { buildMessage } from '../../nodes/Dialog360/domain/messages';
import { parsePhoneNumber, PhoneNumberError } from '../../nodes/Dialog360/domain/phone';
import { validateProfileUpdate } from '../../nodes/Dialog360/domain/profile';
import {
	buildTemplateComponents,
	checkTemplateComponents,
	type TemplateDefinition,
} from '../../nodes/Dialog360/domain/templateParameters';
import {
	buildTemplateSubmission,
	type TemplateButtonInput,
} from '../../nodes/Dialog360/domain/templateSubmission';
import { MalformedDeliveryError, readDelivery } from '../../nodes/Dialog360/domain/webhookEvents';
import { replyButtonsOf } from '../fixtures/webhooks';
import {
	anyJson,
	distinct,
	namesItsField,
	optionalWithin,
	RUNS,
	textNear,
	validPhone,
	validText,
	within,
} from './arbitraries';

jest.setTimeout(120_000);

const recipient = { to: '+4915112345678' };

describe('interactive and text messages', () => {
	it('reply buttons: accepted payloads obey the rules, rejections name their field', () => {
		const button = fc.record({ id: textNear(256), title: textNear(20) });
		fc.assert(
			fc.property(
				textNear(1024),
				textNear(60),
				textNear(60),
				fc.array(button, { maxLength: 5 }),
				(body, header, footer, buttons) => {
					const { payload, violations } = buildMessage(recipient, {
						type: 'replyButtons',
						body,
						header,
						footer,
						buttons,
					});
					if (violations.length) return violations.every(namesItsField);
					const sent = replyButtonsOf(payload);
					return (
						within(body, 1, 1024) &&
						optionalWithin(header, 60) &&
						optionalWithin(footer, 60) &&
						sent.length >= 1 &&
						sent.length <= 3 &&
						sent.every((entry) => within(entry.title, 1, 20) && within(entry.id, 1, 256)) &&
						new Set(sent.map((entry) => entry.title)).size === sent.length
					);
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('lists: at most 10 rows and sections, every limit kept', () => {
		const row = fc.record({
			section: fc.oneof(fc.constant(''), fc.constantFrom('A', 'B'), textNear(24)),
			id: textNear(200),
			title: textNear(24),
			description: textNear(72),
		});
		fc.assert(
			fc.property(
				textNear(1024),
				textNear(20),
				fc.array(row, { maxLength: 12 }),
				(body, button, rows) => {
					const { payload, violations } = buildMessage(recipient, {
						type: 'list',
						body,
						button,
						rows,
					});
					if (violations.length) return violations.every(namesItsField);
					const action = (
						payload.interactive as {
							action: {
								button: string;
								sections: Array<{
									title?: string;
									rows: Array<{ id: string; title: string; description?: string }>;
								}>;
							};
						}
					).action;
					const sentRows = action.sections.flatMap((section) => section.rows);
					return (
						within(action.button, 1, 20) &&
						sentRows.length >= 1 &&
						sentRows.length <= 10 &&
						action.sections.length <= 10 &&
						(action.sections.length === 1 ||
							action.sections.every((section) => within(section.title, 1, 24))) &&
						sentRows.every(
							(entry) =>
								within(entry.title, 1, 24) &&
								within(entry.id, 1, 200) &&
								optionalWithin(entry.description, 72),
						)
					);
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('text and recipients: 1 to 4096 characters, to digits with a country code or a user ID', () => {
		fc.assert(
			fc.property(
				textNear(4096),
				fc.oneof(
					fc.string(),
					fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/),
					fc.constantFrom('+447700900123', '0044 7700 900123', '07700900123', ''),
					// Near user IDs: lower-case country, no dot, ENT without digits, 129 characters, symbols.
					fc.stringMatching(/^[A-Za-z]{1,3}\.?(ENT\.)?[A-Za-z0-9_.@-]{0,130}$/),
				),
				(body, to) => {
					const { payload, violations } = buildMessage({ to }, { type: 'text', body });
					if (violations.length) return violations.every(namesItsField);
					if (!within(body, 1, 4096)) return false;
					if (payload.recipient !== undefined)
						return (
							payload.to === undefined &&
							/^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(String(payload.recipient))
						);
					return /^\d{6,15}$/.test(String(payload.to));
				},
			),
			{ numRuns: RUNS },
		);
	});
});

describe('profile update', () => {
	it('accepted updates obey the profile limits; rejections name their field', () => {
		fc.assert(
			fc.property(
				fc.option(textNear(139), { nil: undefined }),
				fc.option(textNear(256), { nil: undefined }),
				fc.option(textNear(512), { nil: undefined }),
				fc.option(fc.oneof(fc.emailAddress(), textNear(128)), { nil: undefined }),
				fc.option(fc.array(fc.oneof(fc.webUrl(), textNear(256)), { maxLength: 4 }), {
					nil: undefined,
				}),
				(about, address, description, email, websites) => {
					const { payload, violations } = validateProfileUpdate({
						about,
						address,
						description,
						email,
						websites,
					});
					if (violations.length) return violations.every(namesItsField);
					return (
						(about === undefined || (within(about, 1, 139) && about.trim() !== '')) &&
						(address === undefined || within(address, 0, 256)) &&
						(description === undefined || within(description, 0, 512)) &&
						(email === undefined ||
							email === '' ||
							(within(email, 0, 128) && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) &&
						((payload.websites as string[] | undefined) ?? []).length <= 2
					);
				},
			),
			{ numRuns: RUNS },
		);
	});
});

describe('parsers', () => {
	it('phone numbers: E.164 digits, or a PhoneNumberError', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string(), fc.stringMatching(/^(\+|00)?[0-9 ()./-]{0,22}$/), anyJson),
				fc.constantFrom(undefined, 'GB', 'US', 'BR', 'xx', ''),
				(input, country) => {
					try {
						const phone = parsePhoneNumber(input, country);
						return /^\+\d{6,15}$/.test(phone.e164) && phone.digits === phone.e164.slice(1);
					} catch (error) {
						return error instanceof PhoneNumberError && error.message.length > 0;
					}
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('webhook deliveries: events of a known kind, or a MalformedDeliveryError', () => {
		fc.assert(
			fc.property(anyJson, (body) => {
				try {
					return readDelivery(body).every((event) =>
						['message', 'status', 'error'].includes(event.kind),
					);
				} catch (error) {
					return error instanceof MalformedDeliveryError;
				}
			}),
			{ numRuns: RUNS },
		);
	});
});

/**
 * The other direction: input inside every rule must be accepted. Without these, a validator that
 * refused everything would pass the properties above.
 */
describe('good input is accepted', () => {
	const noViolations = (violations: Array<{ message: string }>) => {
		if (violations.length)
			throw new Error(
				`refused good input: ${violations.map((violation) => violation.message).join(' | ')}`,
			);
		return true;
	};

	it('reply buttons within every limit', () => {
		fc.assert(
			fc.property(
				validText(1, 1024),
				fc.option(validText(1, 60), { nil: undefined }),
				fc.option(validText(1, 60), { nil: undefined }),
				distinct(validText(1, 20), 1, 3),
				distinct(validText(1, 256), 3, 3),
				(body, header, footer, titles, ids) => {
					const buttons = titles.map((title, index) => ({ title, id: ids[index] }));
					return noViolations(
						buildMessage(recipient, { type: 'replyButtons', body, header, footer, buttons })
							.violations,
					);
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('lists with up to 10 rows, in one section or in titled sections', () => {
		fc.assert(
			fc.property(
				validText(1, 1024),
				validText(1, 20),
				distinct(validText(1, 200), 1, 10),
				fc.boolean(),
				fc.array(validText(1, 24), { minLength: 10, maxLength: 10 }),
				fc.array(validText(1, 72), { minLength: 10, maxLength: 10 }),
				(body, button, ids, titled, titles, descriptions) => {
					const rows = ids.map((id, index) => ({
						id,
						title: titles[index],
						description: descriptions[index],
						section: titled ? `Section ${index % 3}` : '',
					}));
					return noViolations(
						buildMessage(recipient, { type: 'list', body, button, rows }).violations,
					);
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('text up to 4096 characters to any readable phone number', () => {
		fc.assert(
			fc.property(validText(1, 4096), validPhone, (body, phone) => {
				const { payload, violations } = buildMessage(
					{ to: phone.input, defaultCountry: phone.country },
					{ type: 'text', body },
				);
				return noViolations(violations) && payload.to === phone.digits;
			}),
			{ numRuns: RUNS },
		);
	});

	it('text to any user ID or parent user ID goes as `recipient`', () => {
		const userId = fc
			.tuple(
				fc.stringMatching(/^[A-Z]{2}$/),
				fc.boolean(),
				fc.stringMatching(/^[A-Za-z0-9]{1,128}$/),
			)
			.map(([country, parent, rest]) => `${country}.${parent ? 'ENT.' : ''}${rest}`);
		fc.assert(
			fc.property(validText(1, 200), userId, (body, id) => {
				const { payload, violations } = buildMessage({ to: id }, { type: 'text', body });
				return noViolations(violations) && payload.recipient === id && payload.to === undefined;
			}),
			{ numRuns: RUNS },
		);
	});

	it('template submissions within every rule', () => {
		const word = fc.stringMatching(/^[A-Za-z]{1,12}$/);
		const positionalBody = fc
			.tuple(word, fc.array(word, { minLength: 0, maxLength: 4 }), word)
			.map(([first, middle, last]) => ({
				text: `${first} ${middle.map((part, index) => `{{${index + 1}}} ${part}`).join(' ')} ${last}`.trim(),
				variables: middle.length,
			}));
		const quickReplies = fc
			.array(validText(1, 25), { maxLength: 3 })
			.map((texts) => texts.map((text) => ({ type: 'QUICK_REPLY' as const, text })));
		const ctas = fc.record({
			url: fc.option(fc.record({ text: validText(1, 25), withVariable: fc.boolean() }), {
				nil: undefined,
			}),
			phone: fc.option(validText(1, 25), { nil: undefined }),
		});
		fc.assert(
			fc.property(
				fc.stringMatching(/^[a-z0-9_]{1,40}$/),
				fc.constantFrom('MARKETING', 'UTILITY'),
				fc.constantFrom('en_US', 'de', 'pt_BR', 'es_MX'),
				positionalBody,
				fc.option(validText(1, 60), { nil: undefined }),
				quickReplies,
				ctas,
				(name, category, language, body, footer, replies, cta) => {
					const buttons: TemplateButtonInput[] = [
						...replies,
						...(cta.url
							? [
									{
										type: 'URL' as const,
										text: cta.url.text,
										url: `https://shop.example.com/o${cta.url.withVariable ? '/{{1}}' : ''}`,
										urlSample: 'https://shop.example.com/o/123',
									},
								]
							: []),
						...(cta.phone
							? [{ type: 'PHONE_NUMBER' as const, text: cta.phone, phoneNumber: '+4930123456' }]
							: []),
					];
					const bodySamples = Array.from(
						{ length: body.variables },
						(_, index) => `sample ${index + 1}`,
					);
					return noViolations(
						buildTemplateSubmission({
							name,
							category,
							language,
							parameterFormat: 'POSITIONAL',
							body: body.text,
							bodySamples,
							footer,
							buttons,
						}).violations,
					);
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('profile updates within every limit', () => {
		const site = fc.stringMatching(/^[a-z]{1,20}$/).map((host) => `https://${host}.example.com`);
		fc.assert(
			fc.property(
				fc.option(validText(1, 139), { nil: undefined }),
				fc.option(validText(0, 256), { nil: undefined }),
				fc.option(validText(0, 512), { nil: undefined }),
				fc.option(
					fc.emailAddress().filter((email) => email.length <= 128),
					{ nil: undefined },
				),
				fc.option(fc.array(site, { maxLength: 2 }), { nil: undefined }),
				(about, address, description, email, websites) =>
					noViolations(
						validateProfileUpdate({ about, address, description, email, websites }).violations,
					),
			),
			{ numRuns: RUNS },
		);
	});

	it('template parameters for every variable the template has', () => {
		const definition: TemplateDefinition = {
			name: 'all_kinds',
			language: 'en',
			components: [
				{ type: 'HEADER', format: 'IMAGE' },
				{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} is ready.' },
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'URL', url: 'https://a.example/{{1}}' },
						{ type: 'QUICK_REPLY', text: 'Stop' },
						{ type: 'COPY_CODE' },
					],
				},
			],
		};
		fc.assert(
			fc.property(
				validText(1, 60),
				validText(1, 60),
				validText(1, 30),
				validText(1, 15),
				fc.oneof(fc.webUrl(), fc.stringMatching(/^[0-9]{6,16}$/)),
				(first, second, suffix, coupon, media) => {
					const values = {
						header_image: media,
						body_1: first,
						body_2: second,
						button_0_url: suffix,
						button_2_coupon_code: coupon,
					};
					return noViolations(
						checkTemplateComponents(definition, buildTemplateComponents(definition, values)),
					);
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('phone numbers people write are read to their digits', () => {
		fc.assert(
			fc.property(
				validPhone,
				(phone) => parsePhoneNumber(phone.input, phone.country).digits === phone.digits,
			),
			{ numRuns: RUNS },
		);
	});

	it('webhook deliveries give one event per message and status', () => {
		const message = fc
			.record({ id: fc.stringMatching(/^wamid\.[A-Za-z0-9]{4,20}$/), body: validText(1, 200) })
			.map(({ id, body }) => ({
				from: '4915112345678',
				id,
				timestamp: '1700000000',
				type: 'text',
				text: { body },
			}));
		const status = fc
			.record({
				id: fc.stringMatching(/^wamid\.[A-Za-z0-9]{4,20}$/),
				status: fc.constantFrom('sent', 'delivered', 'read', 'failed'),
			})
			.map((entry) => ({ ...entry, timestamp: '1700000001', recipient_id: '4915112345678' }));
		fc.assert(
			fc.property(
				fc.array(message, { maxLength: 5 }),
				fc.array(status, { maxLength: 5 }),
				(messages, statuses) => {
					const body = {
						object: 'whatsapp_business_account',
						entry: [
							{
								id: 'W',
								changes: [
									{
										field: 'messages',
										value: {
											messaging_product: 'whatsapp',
											metadata: { display_phone_number: '4930123456', phone_number_id: '1' },
											contacts: [{ wa_id: '4915112345678', profile: { name: 'Ada' } }],
											messages,
											statuses,
										},
									},
								],
							},
						],
					};
					const events = readDelivery(body);
					return (
						events.filter((event) => event.kind === 'message').length === messages.length &&
						events.filter((event) => event.kind === 'status').length === statuses.length
					);
				},
			),
			{ numRuns: RUNS },
		);
	});
});
