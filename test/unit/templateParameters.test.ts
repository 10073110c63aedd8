import {
	buildTemplateComponents,
	checkTemplateComponents,
	parameterSlots,
	templateVariables,
	usesNamedParameters,
	type TemplateDefinition,
} from '../../nodes/Dialog360/domain/templateParameters';

const locationTemplate: TemplateDefinition = {
	name: 'pickup',
	language: 'en',
	components: [
		{ type: 'HEADER', format: 'LOCATION' },
		{ type: 'BODY', text: 'Pick up at the shop, {{1}}.' },
	],
};

describe('template variables', () => {
	it('reads positional and named variables once each, in order of appearance', () => {
		expect(templateVariables('Hi {{1}}, {{2}} and {{1}} again')).toEqual(['1', '2']);
		expect(templateVariables('Hi {{ first_name }}, code {{code}}')).toEqual(['first_name', 'code']);
		expect(templateVariables(undefined)).toEqual([]);
	});

	it('tells named templates from the parameter_format or the variable names', () => {
		expect(usesNamedParameters({ name: 'a', language: 'en', parameter_format: 'named' })).toBe(
			true,
		);
		expect(
			usesNamedParameters({
				name: 'a',
				language: 'en',
				components: [{ type: 'BODY', text: '{{order}}' }],
			}),
		).toBe(true);
		expect(
			usesNamedParameters({
				name: 'a',
				language: 'en',
				components: [{ type: 'BODY', text: '{{1}}' }],
			}),
		).toBe(false);
	});
});

describe('location headers', () => {
	it('asks for latitude and longitude (required) and name and address (optional)', () => {
		expect(parameterSlots(locationTemplate).map((slot) => [slot.id, slot.required])).toEqual([
			['header_latitude', true],
			['header_longitude', true],
			['header_location_name', false],
			['header_location_address', false],
			['body_1', true],
		]);
	});

	it('builds one location parameter and checks it', () => {
		const components = buildTemplateComponents(locationTemplate, {
			header_latitude: '52.5',
			header_longitude: '13.4',
			header_location_name: 'Shop',
			body_1: 'Ada',
		});
		expect(components[0]).toEqual({
			type: 'header',
			parameters: [
				{ type: 'location', location: { latitude: 52.5, longitude: 13.4, name: 'Shop' } },
			],
		});
		expect(checkTemplateComponents(locationTemplate, components)).toEqual([]);
		const missing = buildTemplateComponents(locationTemplate, {
			header_latitude: '52.5',
			body_1: 'Ada',
		});
		expect(
			checkTemplateComponents(locationTemplate, missing).map((violation) => violation.message),
		).toEqual(['Header location is empty; it needs a value']);
	});
});

describe('checking components against the template', () => {
	const template: TemplateDefinition = {
		name: 'promo',
		language: 'en',
		components: [
			{ type: 'HEADER', format: 'VIDEO' },
			{ type: 'BODY', text: 'No variables here' },
		],
	};

	it('names a component the template does not take and a parameter of the wrong type', () => {
		const messages = checkTemplateComponents(template, [
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://e.x/a.jpg' } }] },
			{ type: 'body', parameters: [{ type: 'text', text: 'x' }] },
		]).map((violation) => violation.message);
		expect(messages).toEqual([
			'Header parameter must be of type video in template promo (en) (got "image")',
			'Body takes no parameters in template promo (en); remove it',
		]);
	});

	it('names a missing required component and refuses what is not an array', () => {
		expect(checkTemplateComponents(template, []).map((violation) => violation.message)).toEqual([
			'Header needs Header Video (Link or Media ID) for template promo (en), and none was given',
		]);
		expect(checkTemplateComponents(template, { type: 'body' })[0].message).toBe(
			'Components must be a JSON array of {type, parameters} objects (got object)',
		);
	});

	it('accepts currency and date_time parameters with a fallback value, refuses them empty', () => {
		const body: TemplateDefinition = {
			name: 'bill',
			language: 'en',
			components: [{ type: 'BODY', text: 'You owe {{1}} by {{2}}' }],
		};
		const good = [
			{
				type: 'body',
				parameters: [
					{
						type: 'currency',
						currency: { fallback_value: '€10', code: 'EUR', amount_1000: 10000 },
					},
					{ type: 'date_time', date_time: { fallback_value: 'May 1' } },
				],
			},
		];
		expect(checkTemplateComponents(body, good)).toEqual([]);
		const empty = [
			{
				type: 'body',
				parameters: [
					{ type: 'currency', currency: { fallback_value: '' } },
					{ type: 'text', text: ' ' },
				],
			},
		];
		expect(checkTemplateComponents(body, empty).map((violation) => violation.message)).toEqual([
			'Body variable {{1}} is empty; every variable needs a value',
			'Body variable {{2}} is empty; every variable needs a value',
		]);
	});

	it('treats a media header value as a link when it is a URL and as a media id otherwise', () => {
		const components = buildTemplateComponents(template, { header_video: '12345' });
		expect(components).toEqual([
			{ type: 'header', parameters: [{ type: 'video', video: { id: '12345' } }] },
		]);
	});
});

describe('hostile JSON in template parameters', () => {
	const body: TemplateDefinition = {
		name: 'hello',
		language: 'en',
		components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}}.' }],
	};

	it.each([
		['a null parameter', [{ type: 'body', parameters: [null] }]],
		['a number as a parameter', [{ type: 'body', parameters: [7, { type: 'text', text: 'x' }] }]],
		[
			'an object whose toString is not a function',
			[
				{
					type: 'body',
					parameters: [
						{ type: { toString: {} }, text: { toString: {} } },
						{ type: 'text', text: 'x' },
					],
				},
			],
		],
		['a component type that is an object', [{ type: { toString: {} }, parameters: [] }]],
		[
			'a location that is not an object',
			[
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'a' },
						{ type: 'text', text: 'b' },
					],
				},
				{ type: 'header', parameters: [{ type: 'location', location: 'here' }] },
			],
		],
	])('%s is named as a violation, never a TypeError', (_name, components) => {
		const violations = checkTemplateComponents(body, components);
		expect(violations.length).toBeGreaterThan(0);
		for (const violation of violations)
			expect(violation.message).toMatch(/^(Body|Header|Component)/);
	});

	it('values such as {"toString": {}} from an expression become text instead of throwing', () => {
		const components = buildTemplateComponents(body, {
			body_1: { toString: {} },
			body_2: ['a', 'b'],
		});
		expect(components).toEqual([
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: '{"toString":{}}' },
					{ type: 'text', text: '["a","b"]' },
				],
			},
		]);
	});
});
