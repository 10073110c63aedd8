import type { INodeListSearchResult, INodeParameters, ResourceMapperFields } from 'n8n-workflow';

import type { Template } from '../emulator/server';
import { useEmulator } from '../support/emulatorFixture';
import { mapperValue } from '../support/mapper';
import { callNodeMethod, emulatorCredentials, runActionNode } from '../support/n8nCore';

const fixture = useEmulator();

const ORDER_UPDATE: Partial<Template> = {
	name: 'order_update',
	language: 'en_US',
	components: [
		{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://example.com/h.jpg'] } },
		{ type: 'BODY', text: 'Hi {{1}}, order {{2}} ships today.' },
		{
			type: 'BUTTONS',
			buttons: [
				{ type: 'QUICK_REPLY', text: 'Stop' },
				{ type: 'URL', text: 'Track', url: 'https://x.io/o/{{1}}' },
				{ type: 'COPY_CODE', text: 'Copy code' },
			],
		},
	],
};

const WELCOME_NAMED: Partial<Template> = {
	name: 'welcome_named',
	language: 'de',
	parameter_format: 'NAMED',
	components: [
		{ type: 'HEADER', format: 'TEXT', text: 'Hallo {{first_name}}' },
		{ type: 'BODY', text: 'Dein Code ist {{code}}, {{first_name}}.' },
	],
};

beforeEach(() => {
	fixture.emulator.seedTemplates(1, () => ORDER_UPDATE);
	fixture.emulator.seedTemplates(1, () => ({ ...WELCOME_NAMED, id: 'named1' }));
	fixture.emulator.seedTemplates(1, () => ({
		id: 'pending1',
		name: 'not_yet',
		language: 'en',
		status: 'pending',
	}));
});

function sendTemplate(parameters: INodeParameters, continueOnFail = false) {
	return runActionNode({
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			to: '+4915112345678',
			...parameters,
		},
		credentials: emulatorCredentials(fixture.baseUrl),
		continueOnFail,
	});
}

/** The value the editor saves for the resource mapper. */
const mapper = (values: Record<string, string>) => mapperValue(values);

describe('Message › Send Template with generated fields', () => {
	it('builds header, body and button components from the mapped values', async () => {
		const { items, error } = await sendTemplate({
			template: { __rl: true, mode: 'list', value: 'order_update|en_US' },
			templateParameters: mapper({
				header_image: 'https://example.com/box.jpg',
				body_1: 'Ada',
				body_2: '#123',
				button_1_url: '123',
				button_0_payload: 'STOP_7',
				button_2_coupon_code: 'SAVE10',
			}),
		});
		expect(error).toBeUndefined();
		expect(fixture.emulator.sent[0].payload).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '4915112345678',
			type: 'template',
			template: {
				name: 'order_update',
				language: { code: 'en_US' },
				components: [
					{
						type: 'header',
						parameters: [{ type: 'image', image: { link: 'https://example.com/box.jpg' } }],
					},
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'Ada' },
							{ type: 'text', text: '#123' },
						],
					},
					{
						type: 'button',
						sub_type: 'quick_reply',
						index: '0',
						parameters: [{ type: 'payload', payload: 'STOP_7' }],
					},
					{
						type: 'button',
						sub_type: 'url',
						index: '1',
						parameters: [{ type: 'text', text: '123' }],
					},
					{
						type: 'button',
						sub_type: 'copy_code',
						index: '2',
						parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }],
					},
				],
			},
		});
		expect(items[0].json).toEqual({
			addressedBy: 'phone',
			to: '+4915112345678',
			userId: null,
			waId: '4915112345678',
			messageId: expect.stringMatching(/^wamid\./),
			status: 'accepted',
		});
	});

	it('sets parameter_name on every variable of a named template', async () => {
		const { error } = await sendTemplate({
			template: { __rl: true, mode: 'id', value: 'welcome_named|de' },
			templateParameters: mapper({
				header_first_name: 'Ada',
				body_code: '4711',
				body_first_name: 'Ada',
			}),
		});
		expect(error).toBeUndefined();
		expect(
			(fixture.emulator.sent[0].payload.template as { components: unknown }).components,
		).toEqual([
			{ type: 'header', parameters: [{ type: 'text', text: 'Ada', parameter_name: 'first_name' }] },
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: '4711', parameter_name: 'code' },
					{ type: 'text', text: 'Ada', parameter_name: 'first_name' },
				],
			},
		]);
	});

	it('names the empty and missing variables and sends nothing', async () => {
		const { error } = await sendTemplate({
			template: { __rl: true, mode: 'list', value: 'order_update|en_US' },
			templateParameters: mapper({
				header_image: 'https://example.com/box.jpg',
				body_1: 'Ada',
				body_2: '',
				button_2_coupon_code: 'SAVE10',
			}),
		});
		expect(error?.message).toBe('The WhatsApp template breaks 2 rules [item 0]');
		expect(error?.description).toBe(
			'• Body variable {{2}} is empty; every variable needs a value\n• Button 1 "Track" URL suffix is empty; it needs a value\nNothing was sent.',
		);
		expect(fixture.emulator.sent).toHaveLength(0);
	});

	it('refuses a template that is not approved, and one that does not exist', async () => {
		const pending = await sendTemplate({
			template: { __rl: true, mode: 'id', value: 'not_yet|en' },
			templateParameters: mapper({}),
		});
		expect(pending.error?.message).toBe(
			'Template not_yet (en) is PENDING; only APPROVED templates can be sent [item 0]',
		);
		const missing = await sendTemplate({
			template: { __rl: true, mode: 'id', value: 'nothing|en' },
			templateParameters: mapper({}),
		});
		expect(missing.error?.message).toBe(
			'Template nothing (en) does not exist on this number; check the name and the language code [item 0]',
		);
		expect(fixture.emulator.sent).toHaveLength(0);
	});

	it('looks the template up once for a batch', async () => {
		const { items } = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				to: '={{ $json.to }}',
				template: { __rl: true, mode: 'id', value: 'welcome_named|de' },
				templateParameters: mapper({
					header_first_name: '={{ $json.name }}',
					body_code: '1',
					body_first_name: '={{ $json.name }}',
				}),
			},
			items: Array.from({ length: 25 }, (_, index) => ({
				to: `+49151123456${String(index).padStart(2, '0')}`,
				name: `N${index}`,
			})),
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(items).toHaveLength(25);
		expect(fixture.emulator.sent).toHaveLength(25);
		expect(fixture.emulator.requestsTo('GET', '/v1/configs/templates')).toHaveLength(1);
	});
});

describe('Message › Send Template with JSON components', () => {
	it('sends components written as JSON after checking them', async () => {
		const components = [
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'Ada', parameter_name: 'first_name' },
					{ type: 'text', text: '9', parameter_name: 'code' },
				],
			},
			{ type: 'header', parameters: [{ type: 'text', text: 'Ada', parameter_name: 'first_name' }] },
		];
		const { error } = await sendTemplate({
			template: { __rl: true, mode: 'id', value: 'welcome_named|de' },
			parameterMode: 'json',
			templateComponents: JSON.stringify(components),
		});
		expect(error).toBeUndefined();
		expect(
			(fixture.emulator.sent[0].payload.template as { components: unknown }).components,
		).toEqual(components);
	});

	it('names the extra parameter, the missing parameter_name and bad JSON', async () => {
		const extra = await sendTemplate({
			template: { __rl: true, mode: 'list', value: 'order_update|en_US' },
			parameterMode: 'json',
			templateComponents: JSON.stringify([
				{ type: 'header', parameters: [{ type: 'image', image: { id: '1' } }] },
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'a' },
						{ type: 'text', text: 'b' },
						{ type: 'text', text: 'c' },
					],
				},
				{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: '1' }] },
				{
					type: 'button',
					sub_type: 'copy_code',
					index: '2',
					parameters: [{ type: 'coupon_code', coupon_code: 'X' }],
				},
			]),
		});
		expect(extra.error?.message).toBe(
			'Body has 2 variables ({{1}}, {{2}}) in template order_update (en_US) but 3 parameters were given [item 0]',
		);

		const unnamed = await sendTemplate({
			template: { __rl: true, mode: 'id', value: 'welcome_named|de' },
			parameterMode: 'json',
			templateComponents: JSON.stringify([
				{
					type: 'header',
					parameters: [{ type: 'text', text: 'Ada', parameter_name: 'first_name' }],
				},
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'Ada' },
						{ type: 'text', text: '9', parameter_name: 'code' },
					],
				},
			]),
		});
		expect(unnamed.error?.message).toBe('The WhatsApp template breaks 2 rules [item 0]');
		expect(unnamed.error?.description).toBe(
			'• Body parameter "Ada" needs a parameter_name: template welcome_named (de) uses named variables ({{code}}, {{first_name}})\n• Body variable {{first_name}} has no value\nNothing was sent.',
		);

		const broken = await sendTemplate({
			template: { __rl: true, mode: 'id', value: 'welcome_named|de' },
			parameterMode: 'json',
			templateComponents: '[{',
		});
		expect(broken.error?.message).toMatch(/^Components \(JSON\) is not valid JSON: /);
		expect(fixture.emulator.sent).toHaveLength(0);
	});
});

describe('Template picker and parameter fields (editor methods)', () => {
	it('lists approved templates only, as name (language), filtered by name', async () => {
		const all = await callNodeMethod<INodeListSearchResult>(
			'listSearch',
			'searchApprovedTemplates',
			{},
			emulatorCredentials(fixture.baseUrl),
			[],
		);
		expect(all.results).toEqual([
			{ name: 'order_update (en_US)', value: 'order_update|en_US' },
			{ name: 'welcome_named (de)', value: 'welcome_named|de' },
		]);
		const filtered = await callNodeMethod<INodeListSearchResult>(
			'listSearch',
			'searchApprovedTemplates',
			{},
			emulatorCredentials(fixture.baseUrl),
			['WELCOME'],
		);
		expect(filtered.results.map((result) => result.value)).toEqual(['welcome_named|de']);
	});

	it('pages through a long list with a pagination token', async () => {
		fixture.emulator.seedTemplates(150, (index) => ({
			id: `bulk${index}`,
			name: `bulk_${String(index).padStart(3, '0')}`,
		}));
		const first = await callNodeMethod<INodeListSearchResult>(
			'listSearch',
			'searchApprovedTemplates',
			{},
			emulatorCredentials(fixture.baseUrl),
			[],
		);
		// Pages of 100 templates; the pending one on the first page is left out.
		expect(first.results).toHaveLength(99);
		expect(first.paginationToken).toBe(100);
		const second = await callNodeMethod<INodeListSearchResult>(
			'listSearch',
			'searchApprovedTemplates',
			{},
			emulatorCredentials(fixture.baseUrl),
			[undefined, first.paginationToken],
		);
		expect(second.results).toHaveLength(153 - 100);
		expect(second.paginationToken).toBeUndefined();
		const all = await callNodeMethod<INodeListSearchResult>(
			'listSearch',
			'searchAllTemplates',
			{},
			emulatorCredentials(fixture.baseUrl),
			['not_yet'],
		);
		expect(all.results).toEqual([{ name: 'not_yet (en) · PENDING', value: 'not_yet|en' }]);
	});

	it('derives one field per value the chosen template needs', async () => {
		const { fields } = await callNodeMethod<ResourceMapperFields>(
			'resourceMapping',
			'getTemplateParameters',
			{
				resource: 'message',
				operation: 'sendTemplate',
				template: { __rl: true, mode: 'list', value: 'order_update|en_US' },
			},
			emulatorCredentials(fixture.baseUrl),
		);
		expect(fields.map((field) => [field.id, field.displayName, field.required])).toEqual([
			['header_image', 'Header Image (Link or Media ID)', true],
			['body_1', 'Body {{1}}', true],
			['body_2', 'Body {{2}}', true],
			['button_0_payload', 'Button "Stop" Payload', false],
			['button_1_url', 'Button "Track" URL Suffix', true],
			['button_2_coupon_code', 'Button "Copy code" Coupon Code', true],
		]);
	});
});
