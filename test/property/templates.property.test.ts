/**
 * Template submission and template parameters, fed 10,000 generated inputs each: accepted input
 * builds a payload that the rules allow, rejections name the field and say what is wrong. Moved
 * from validators.property.test.ts to keep each file under the size limit.
 */
import fc from 'fast-check';

import {
	buildTemplateComponents,
	checkTemplateComponents,
	parameterSlots,
	type TemplateDefinition,
} from '../../nodes/Dialog360/domain/templateParameters';
import {
	buildTemplateSubmission,
	type TemplateButtonInput,
} from '../../nodes/Dialog360/domain/templateSubmission';
import { anyJson, namesItsField, optionalWithin, RUNS, textNear, within } from './arbitraries';

jest.setTimeout(120_000);

describe('template submission', () => {
	const name = fc.oneof(fc.stringMatching(/^[a-z0-9_]{1,30}$/), textNear(512));
	const variableText = (limit: number) =>
		fc.oneof(
			textNear(limit),
			fc
				.array(
					fc.oneof(
						fc.constantFrom(
							'Hi ',
							'order ',
							' ',
							'.',
							'{{1}}',
							'{{2}}',
							'{{3}}',
							'{{first_name}}',
							'{{ 1 }}',
							'{{}}',
						),
						fc.string({ maxLength: 8 }),
					),
					{ maxLength: 12 },
				)
				.map((parts) => parts.join('')),
		);
	const button: fc.Arbitrary<TemplateButtonInput> = fc.record({
		type: fc.constantFrom('QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE') as fc.Arbitrary<
			TemplateButtonInput['type']
		>,
		text: textNear(25),
		url: fc.oneof(
			fc.constantFrom('https://a.io/{{1}}', 'https://a.io/x', 'ftp://a', 'https://a.io/{{1}}/x'),
			textNear(2000),
		),
		urlSample: fc.oneof(fc.constant(''), fc.constant('https://a.io/1')),
		phoneNumber: fc.oneof(
			fc.constantFrom('+4930123456', '030 123456', ''),
			fc.string({ maxLength: 25 }),
		),
		example: textNear(15),
	});

	it('accepted submissions obey every rule of the table; rejections name their field', () => {
		fc.assert(
			fc.property(
				name,
				fc.constantFrom('MARKETING', 'UTILITY', 'AUTHENTICATION', 'utility', 'OTHER', ''),
				fc.constantFrom('en_US', 'de', 'pt_BR', 'english', ''),
				fc.constantFrom('POSITIONAL', 'NAMED') as fc.Arbitrary<'POSITIONAL' | 'NAMED'>,
				variableText(1024),
				fc.array(fc.oneof(fc.constant(''), fc.string({ maxLength: 10 })), { maxLength: 4 }),
				textNear(60),
				fc.array(button, { maxLength: 12 }),
				(templateName, category, language, parameterFormat, body, bodySamples, footer, buttons) => {
					const { payload, violations } = buildTemplateSubmission({
						name: templateName,
						category,
						language,
						parameterFormat,
						body,
						bodySamples,
						footer,
						buttons,
					});
					if (violations.length) return violations.every(namesItsField);
					if (!/^[a-z0-9_]{1,512}$/.test(String(payload.name))) return false;
					const components = payload.components as Array<{
						type: string;
						text?: string;
						buttons?: Array<{ type: string; text?: string; url?: string }>;
					}>;
					if (payload.category === 'AUTHENTICATION')
						return components.some((component) => component.type === 'BUTTONS');
					const bodyText = components.find((component) => component.type === 'BODY')?.text ?? '';
					const sentButtons =
						components.find((component) => component.type === 'BUTTONS')?.buttons ?? [];
					const count = (type: string) => sentButtons.filter((entry) => entry.type === type).length;
					const quick = sentButtons
						.map((entry, index) => (entry.type === 'QUICK_REPLY' ? index : -1))
						.filter((index) => index >= 0);
					return (
						within(bodyText, 1, 1024) &&
						!/^\s*\{\{[^{}]+\}\}/.test(bodyText) &&
						!/\{\{[^{}]+\}\}\s*$/.test(bodyText) &&
						!/\}\}\s*\{\{/.test(bodyText) &&
						optionalWithin(footer, 60) &&
						sentButtons.length <= 10 &&
						count('URL') <= 2 &&
						count('PHONE_NUMBER') <= 1 &&
						count('COPY_CODE') <= (payload.category === 'MARKETING' ? 1 : 0) &&
						(quick.length === 0 || quick[quick.length - 1] - quick[0] + 1 === quick.length) &&
						sentButtons.every((entry) => entry.type === 'COPY_CODE' || within(entry.text, 1, 25))
					);
				},
			),
			{ numRuns: RUNS },
		);
	});
});

describe('template parameters', () => {
	const template = fc.record({
		name: fc.constant('t'),
		language: fc.constant('en'),
		parameter_format: fc.constantFrom(undefined, 'NAMED', 'POSITIONAL'),
		components: fc.array(
			fc.oneof(
				fc.record({
					type: fc.constant('HEADER'),
					format: fc.constantFrom('TEXT', 'IMAGE', 'LOCATION', 'VIDEO'),
					text: fc.constantFrom('Hi {{1}}', 'Hi {{name}}', 'Hi'),
				}),
				fc.record({
					type: fc.constant('BODY'),
					text: fc.constantFrom('A {{1}} b {{2}} c', 'A {{first}} b', 'no vars', '{{1}}'),
				}),
				fc.record({
					type: fc.constant('BUTTONS'),
					buttons: fc.array(
						fc.record({
							type: fc.constantFrom('URL', 'QUICK_REPLY', 'COPY_CODE', 'PHONE_NUMBER'),
							url: fc.constantFrom('https://a/{{1}}', 'https://a'),
						}),
						{ maxLength: 4 },
					),
				}),
			),
			{ maxLength: 4 },
		),
	}) as fc.Arbitrary<TemplateDefinition>;

	it('any JSON given as components is checked without throwing', () => {
		fc.assert(
			fc.property(template, anyJson, (definition, components) => {
				const violations = checkTemplateComponents(definition, components);
				return violations.every(namesItsField);
			}),
			{ numRuns: RUNS },
		);
	});

	it('values built from the generated fields pass the check exactly when every required one is filled', () => {
		fc.assert(
			fc.property(
				template,
				fc.dictionary(
					fc.constantFrom(
						'header_1',
						'header_name',
						'header_image',
						'header_latitude',
						'header_longitude',
						'body_1',
						'body_2',
						'body_first',
						'button_0_url',
						'button_1_url',
						'button_0_coupon_code',
						'button_2_payload',
					),
					fc.oneof(fc.constant(''), fc.constant('  '), fc.constant('5'), fc.string()),
				),
				(definition, values) => {
					const violations = checkTemplateComponents(
						definition,
						buildTemplateComponents(definition, values),
					);
					const usable = (kind: string, value: string) =>
						kind === 'latitude' || kind === 'longitude'
							? value.trim() !== '' &&
								Number.isFinite(Number(value)) &&
								Math.abs(Number(value)) <= (kind === 'latitude' ? 90 : 180)
							: value.trim() !== '';
					const filled = parameterSlots(definition).every(
						(slot) => !slot.required || usable(slot.kind, String(values[slot.id] ?? '')),
					);
					return violations.every(namesItsField) && (violations.length === 0) === filled;
				},
			),
			{ numRuns: RUNS },
		);
	});
});
