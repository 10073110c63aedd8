import type {
	IDataObject,
	INodeListSearchResult,
	INodeParameters,
	ResourceMapperFields,
} from 'n8n-workflow';

import { useEmulator } from '../support/emulatorFixture';
import { mapperValue } from '../support/mapper';
import { jpegOfSize } from '../support/images';
import { binaryItem, callNodeMethod, emulatorCredentials, runActionNode } from '../support/n8nCore';

const fixture = useEmulator();

/** Body Variable Samples as the editor saves them: one field per variable. */
const samples = (values: Record<string, string>) =>
	mapperValue(
		values,
		Object.fromEntries(Object.keys(values).map((id) => [id, `Sample for {{${id}}}`])),
	);

function template(
	parameters: IDataObject,
	extra: {
		items?: IDataObject[];
		staticData?: IDataObject;
		continueOnFail?: boolean;
		typeVersion?: number;
	} = {},
) {
	return runActionNode({
		parameters: { resource: 'template', ...parameters },
		credentials: emulatorCredentials(fixture.baseUrl),
		// Sync keeps its state for scheduled runs (a manual run changes nothing: templateSync.test.ts).
		mode: parameters.operation === 'sync' ? 'trigger' : undefined,
		...extra,
	});
}

describe('Template › Submit, then List and Sync', () => {
	it('submits the form as components, and the template shows up in List and Sync', async () => {
		const submitted = await template({
			operation: 'submit',
			name: 'order_update',
			category: 'UTILITY',
			language: 'en_US',
			headerFormat: 'TEXT',
			headerText: 'Order {{1}}',
			headerTextSample: '#123',
			body: 'Hi {{1}}, order {{2}} ships today.',
			bodyVariableSamples: samples({ '1': 'Ada', '2': '#123' }),
			footer: 'Reply STOP to opt out',
			buttons: {
				button: [
					{ type: 'QUICK_REPLY', text: 'Track' },
					{
						type: 'URL',
						text: 'Open',
						url: 'https://x.io/o/{{1}}',
						urlSample: 'https://x.io/o/123',
					},
				],
			},
		});
		expect(submitted.error).toBeUndefined();
		expect(submitted.items[0].json).toEqual({
			id: expect.any(String),
			name: 'order_update',
			language: 'en_US',
			category: 'UTILITY',
			status: 'SUBMITTED',
		});
		expect(fixture.emulator.requestsTo('POST', '/v1/configs/templates')[0].body).toEqual({
			name: 'order_update',
			category: 'UTILITY',
			language: 'en_US',
			allow_category_change: true,
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#123'] } },
				{
					type: 'BODY',
					text: 'Hi {{1}}, order {{2}} ships today.',
					example: { body_text: [['Ada', '#123']] },
				},
				{ type: 'FOOTER', text: 'Reply STOP to opt out' },
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'QUICK_REPLY', text: 'Track' },
						{
							type: 'URL',
							text: 'Open',
							url: 'https://x.io/o/{{1}}',
							example: ['https://x.io/o/123'],
						},
					],
				},
			],
		});

		const listed = await template({ operation: 'list', returnAll: true });
		expect(listed.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				name: 'order_update',
				language: 'en_US',
				category: 'UTILITY',
				status: 'SUBMITTED',
				rejectionReason: null,
			}),
		]);

		const synced = await template({ operation: 'sync' });
		expect(
			synced.items.map((item) => [item.json.name, item.json.change, item.json.previousStatus]),
		).toEqual([['order_update', 'new', null]]);
	});

	it('uploads a binary header sample through the resumable upload and sends its handle', async () => {
		const { error } = await template(
			{
				operation: 'submit',
				name: 'promo_photo',
				category: 'MARKETING',
				language: 'de',
				headerFormat: 'IMAGE',
				headerSampleSource: 'binary',
				headerSampleBinaryProperty: 'data',
				body: 'Neu im Laden!',
			},
			{ items: [binaryItem(jpegOfSize(400, 300), 'image/jpeg', 'sample.jpg')] },
		);
		expect(error).toBeUndefined();
		const [submission] = fixture.emulator.requestsTo('POST', '/v1/configs/templates');
		const header = (
			submission.body as { components: Array<{ example?: { header_handle: string[] } }> }
		).components[0];
		expect(header.example?.header_handle[0]).toMatch(/^4:/);
		expect(fixture.emulator.requestsTo('POST', '/upload:')).toHaveLength(1);
	});

	it('reports every violation of a submission together and sends nothing', async () => {
		const { error } = await template({
			operation: 'submit',
			name: 'Order Update',
			category: 'UTILITY',
			language: 'en_US',
			body: '{{1}} ships',
			footer: 'f'.repeat(61),
		});
		expect(error?.message).toBe('The WhatsApp template breaks 4 rules [item 0]');
		expect(error?.description?.split('\n')).toEqual([
			'• Name may only contain lowercase letters a–z, digits and _ (got "Order Update")',
			'• Body must not start with a variable: Meta rejects it; put some text before it',
			'• Body sample for {{1}} is empty: every variable needs an example',
			'• Footer must be at most 60 characters (got 61)',
			'Nothing was sent.',
		]);
		// n8n's error panel renders HTML, where the line breaks above collapse: it gets a list.
		expect(error?.context?.descriptionTemplate).toBe(
			'<ul><li>Name may only contain lowercase letters a–z, digits and _ (got "Order Update")</li><li>Body must not start with a variable: Meta rejects it; put some text before it</li><li>Body sample for {{1}} is empty: every variable needs an example</li><li>Footer must be at most 60 characters (got 61)</li></ul><p>Nothing was sent.</p>',
		);
		expect(fixture.emulator.requests).toHaveLength(0);
	});
});

describe('Template › List', () => {
	beforeEach(() => {
		fixture.emulator.seedTemplates(30, (index) => ({
			name: `${index % 2 ? 'promo' : 'order'}_${index}`,
			language: index % 3 ? 'en' : 'de',
			category: index % 2 ? 'MARKETING' : 'UTILITY',
			status: ['approved', 'REJECTED', 'pending'][index % 3],
			rejected_reason: index % 3 === 1 ? 'INVALID_FORMAT' : 'NONE',
			quality_score: index === 4 ? { score: 'GREEN' } : undefined,
		}));
	});

	it('filters by status in any case, category, language and name, up to a limit', async () => {
		const approved = await template({
			operation: 'list',
			returnAll: true,
			filters: { status: 'APPROVED' },
		});
		expect(approved.items).toHaveLength(10);
		expect(approved.items.every((item) => item.json.status === 'APPROVED')).toBe(true);

		const rejected = await template({
			operation: 'list',
			returnAll: true,
			filters: { status: 'REJECTED', category: 'MARKETING', nameContains: 'PROMO' },
		});
		expect(rejected.items.map((item) => [item.json.name, item.json.rejectionReason])).toEqual([
			['promo_1', 'INVALID_FORMAT'],
			['promo_7', 'INVALID_FORMAT'],
			['promo_13', 'INVALID_FORMAT'],
			['promo_19', 'INVALID_FORMAT'],
			['promo_25', 'INVALID_FORMAT'],
		]);
		const limited = await template({
			operation: 'list',
			returnAll: false,
			limit: 3,
			filters: { language: 'de' },
		});
		expect(limited.items.map((item) => item.json.name)).toEqual(['order_0', 'promo_3', 'order_6']);
		const withQuality = await template({
			operation: 'list',
			returnAll: true,
			filters: { nameContains: 'order_4' },
		});
		expect(withQuality.items[0].json.quality).toBe('GREEN');
	});
});

describe('Template › Sync', () => {
	it('marks new, status_changed, updated, removed and unchanged against the previous run', async () => {
		fixture.emulator.seedTemplates(4, (index) => ({ name: `t_${index}`, status: 'pending' }));
		const staticData: IDataObject = {};
		const first = await template({ operation: 'sync' }, { staticData });
		expect(first.items.map((item) => item.json.change)).toEqual(['new', 'new', 'new', 'new']);

		const [t0, t1, t2] = fixture.emulator.templates;
		t0.status = 'approved';
		t1.components = [{ type: 'BODY', text: 'Changed {{1}}.' }];
		fixture.emulator.templates = fixture.emulator.templates.filter((candidate) => candidate !== t2);
		fixture.emulator.seedTemplates(1, () => ({ id: 'x9', name: 't_new' }));

		const second = await template({ operation: 'sync' }, { staticData: first.staticData });
		expect(
			second.items.map((item) => [
				item.json.name,
				item.json.change,
				item.json.previousStatus,
				item.json.status,
			]),
		).toEqual([
			['t_0', 'status_changed', 'PENDING', 'APPROVED'],
			['t_1', 'updated', 'PENDING', 'PENDING'],
			['t_3', 'unchanged', 'PENDING', 'PENDING'],
			['t_new', 'new', null, 'APPROVED'],
			['t_2', 'removed', 'PENDING', 'REMOVED'],
		]);
		expect(second.items.every((item) => item.json.syncedAt === second.items[0].json.syncedAt)).toBe(
			true,
		);

		const onlyChanges = await template(
			{ operation: 'sync', onlyChanges: true },
			{ staticData: second.staticData },
		);
		expect(onlyChanges.items).toHaveLength(0);
	});

	it('runs once per execution, whatever the number of input items', async () => {
		fixture.emulator.seedTemplates(2);
		const { items } = await template({ operation: 'sync' }, { items: [{}, {}, {}] });
		expect(items).toHaveLength(2);
		expect(fixture.emulator.requestsTo('GET', '/v1/configs/templates')).toHaveLength(1);
	});

	it('syncs 5,000 templates in at most 6 requests', async () => {
		fixture.emulator.seedTemplates(5000);
		const { items } = await template({ operation: 'sync', onlyChanges: true });
		expect(items).toHaveLength(5000);
		expect(fixture.emulator.requestsTo('GET', '/v1/configs/templates')).toHaveLength(5); // the issue allows 6
	});

	it('keeps the previous sync when the fetch fails', async () => {
		fixture.emulator.seedTemplates(1500);
		const staticData: IDataObject = {};
		await template({ operation: 'sync' }, { staticData });
		fixture.emulator.inject({
			method: 'GET',
			path: '/v1/configs/templates',
			status: 400,
			body: { meta: { success: false, http_code: 400, developer_message: 'broken' } },
		});
		const failed = await template({ operation: 'sync' }, { staticData });
		expect(failed.error).toBeDefined();
		const again = await template({ operation: 'sync', onlyChanges: true }, { staticData });
		expect(again.items).toHaveLength(0);
	});
});

describe('Template › Get and Delete', () => {
	it('gets one template by name and language, and deletes every language of a name', async () => {
		fixture.emulator.seedTemplates(1, () => ({ id: 'a', name: 'welcome', language: 'en' }));
		fixture.emulator.seedTemplates(1, () => ({
			id: 'b',
			name: 'welcome',
			language: 'de',
			status: 'rejected',
		}));
		const got = await template({
			operation: 'get',
			template: { __rl: true, mode: 'id', value: 'welcome|de' },
		});
		expect(got.items[0].json).toMatchObject({
			id: 'b',
			name: 'welcome',
			language: 'de',
			status: 'REJECTED',
		});

		const missing = await template({
			operation: 'get',
			template: { __rl: true, mode: 'id', value: 'welcome|fr' },
		});
		expect(missing.error?.message).toBe(
			'Template welcome (fr) does not exist on this number [item 0]',
		);

		const deleted = await template({ operation: 'delete', templateName: 'welcome' });
		expect(deleted.items[0].json).toEqual({
			success: true,
			name: 'welcome',
			deleted: 'all languages',
		});
		expect(fixture.emulator.templates).toHaveLength(0);
		expect(fixture.emulator.requestsTo('DELETE', '/v1/configs/templates/welcome')).toHaveLength(1);
	});
});

describe('Template lists are complete when the server caps its pages', () => {
	const capped = useEmulator({ maxPageSize: 40 });

	it('List and Sync read every template although each page holds 40, and Sync calls none removed', async () => {
		capped.emulator.seedTemplates(130);
		const run = (parameters: INodeParameters, options: { staticData?: IDataObject } = {}) =>
			runActionNode({
				parameters: { resource: 'template', ...parameters },
				credentials: emulatorCredentials(capped.baseUrl),
				mode: 'trigger',
				...options,
			});
		const listed = await run({ operation: 'list', returnAll: true });
		expect(listed.items).toHaveLength(130);
		const limited = await run({ operation: 'list', returnAll: false, limit: 90 });
		expect(limited.items).toHaveLength(90);

		const staticData: IDataObject = {};
		const first = await run({ operation: 'sync' }, { staticData });
		expect(first.items).toHaveLength(130);
		const second = await run({ operation: 'sync' }, { staticData: first.staticData });
		expect(second.items.filter((item) => item.json.change === 'removed')).toEqual([]);
		expect(second.items.every((item) => item.json.change === 'unchanged')).toBe(true);
	});

	it('the template picker finds a template that is on a later page', async () => {
		capped.emulator.seedTemplates(120, (index) => ({
			id: `p${index}`,
			name: `promo_${String(index).padStart(3, '0')}`,
		}));
		capped.emulator.seedTemplates(1, () => ({ id: 'late', name: 'zz_late_arrival' }));
		const found = await callNodeMethod<INodeListSearchResult>(
			'listSearch',
			'searchApprovedTemplates',
			{},
			emulatorCredentials(capped.baseUrl),
			['late_arr'],
		);
		expect(found.results).toEqual([{ name: 'zz_late_arrival (en)', value: 'zz_late_arrival|en' }]);
	});
});

describe('Template › Submit with values from expressions', () => {
	it('reads buttons and samples that an expression made objects as text, without a TypeError', async () => {
		const { items, error } = await template({
			operation: 'submit',
			name: 'hostile_values',
			category: 'MARKETING',
			language: 'en_US',
			body: 'Hi {{1}}, welcome.',
			bodyVariableSamples: samples({ '1': '={{ { "toString": {} } }}' }),
			buttons: { button: [{ type: 'QUICK_REPLY', text: '={{ { "toString": {} } }}' }] },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.name).toBe('hostile_values');
		const submitted = fixture.emulator.requestsTo('POST', '/v1/configs/templates')[0].body as {
			components: Array<{ type: string; buttons?: Array<{ text: string }>; example?: unknown }>;
		};
		expect(submitted.components.find((component) => component.type === 'BUTTONS')?.buttons).toEqual(
			[{ type: 'QUICK_REPLY', text: '{"toString":{}}' }],
		);
		expect(submitted.components.find((component) => component.type === 'BODY')?.example).toEqual({
			body_text: [['{"toString":{}}']],
		});
	});
});

describe('Template › Submit keeps WhatsApp variables, fixed or in expressions', () => {
	async function submitted(parameters: IDataObject, items?: IDataObject[]) {
		const run = await template(
			{
				operation: 'submit',
				name: 'variables',
				category: 'UTILITY',
				language: 'en',
				...parameters,
			},
			{ items },
		);
		const [request] = fixture.emulator.requestsTo('POST', '/v1/configs/templates');
		const components = (request?.body as { components?: Array<Record<string, unknown>> })
			?.components;
		return { ...run, component: (type: string) => components?.find((c) => c.type === type) };
	}

	it.each([
		['fixed', 'Hi {{1}}, your order {{2}} ships today.'],
		// What the editor stores after the paste: n8n made the field an expression.
		['an expression', '=Hi {{1}}, your order {{2}} ships today.'],
		['an expression with spaces in the braces', '=Hi {{ 1 }}, your order {{2 }} ships today.'],
	])('the body as %s reaches 360dialog as written', async (_form, body) => {
		const { error, component } = await submitted({
			body,
			bodyVariableSamples: samples({ '1': 'Ada', '2': '#123' }),
		});
		expect(error).toBeUndefined();
		expect(component('BODY')).toEqual({
			type: 'BODY',
			text: body.startsWith('=') ? 'Hi {{1}}, your order {{2}} ships today.' : body,
			example: { body_text: [['Ada', '#123']] },
		});
	});

	it.each([
		['an expression', '='],
		["fixed, as n8n's HTML node does", ''],
	])(
		'evaluates the n8n expressions in the same field and keeps the variables (%s)',
		async (_form, prefix) => {
			const { error, component } = await submitted(
				{
					body: `${prefix}Hi {{1}}, we ship to {{ $json.city }} on {{2}}.`,
					bodyVariableSamples: samples({ '1': 'Ada', '2': '={{ $json.day }}' }),
					headerFormat: 'TEXT',
					headerText: `${prefix}Order {{1}} for {{ $json.city }}`,
					headerTextSample: '#123',
					buttons: {
						button: [
							{
								type: 'URL',
								text: '={{ $json.label }}',
								url: `${prefix}https://x.io/{{ $json.city.toLowerCase() }}/{{1}}`,
								urlSample: 'https://x.io/berlin/123',
							},
						],
					},
				},
				[{ city: 'Berlin', day: 'Monday', label: 'Track' }],
			);
			expect(error).toBeUndefined();
			expect(component('BODY')).toMatchObject({
				text: 'Hi {{1}}, we ship to Berlin on {{2}}.',
				example: { body_text: [['Ada', 'Monday']] },
			});
			expect(component('HEADER')).toMatchObject({ text: 'Order {{1}} for Berlin' });
			expect(component('BUTTONS')).toEqual({
				type: 'BUTTONS',
				buttons: [
					{
						type: 'URL',
						text: 'Track',
						url: 'https://x.io/berlin/{{1}}',
						example: ['https://x.io/berlin/123'],
					},
				],
			});
		},
	);

	it('keeps named variables, which n8n alone would fail on', async () => {
		const { error, component } = await submitted({
			parameterFormat: 'NAMED',
			body: '=Hi {{first_name}}, your code is {{code}}.',
			bodyVariableSamples: samples({ first_name: 'Ada', code: 'X1' }),
		});
		expect(error).toBeUndefined();
		expect(component('BODY')).toEqual({
			type: 'BODY',
			text: 'Hi {{first_name}}, your code is {{code}}.',
			example: {
				body_text_named_params: [
					{ param_name: 'first_name', example: 'Ada' },
					{ param_name: 'code', example: 'X1' },
				],
			},
		});
	});

	it.each([
		[
			'a mistyped variable',
			'=Hi {{ first-name }}, welcome.',
			'Body has {{ first-name }}, which is neither a WhatsApp variable nor an n8n expression [item 0]',
		],
		[
			'an expression that n8n cannot evaluate',
			"=Hi {{1}}, we ship to {{ $('No Such Node').item.json.city }}.",
			/^Body has an n8n expression that could not be evaluated: .+ \[item 0\]$/,
		],
	])('stops on %s, saying what happened and how to write it', async (_case, body, message) => {
		const { error } = await submitted({ body, bodyVariableSamples: samples({ '1': 'Ada' }) });
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain(
			'WhatsApp variables are written {{1}}, {{2}}… or {{first_name}}',
		);
		expect(fixture.emulator.requests).toHaveLength(0);
	});

	it('version 1 nodes keep their list of samples', async () => {
		const { error } = await template(
			{
				operation: 'submit',
				name: 'old_node',
				category: 'UTILITY',
				language: 'en',
				body: '=Hi {{1}}, thanks.',
				bodySamples: ['Ada'],
			},
			{ typeVersion: 1 },
		);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', '/v1/configs/templates')[0].body).toMatchObject({
			components: [{ type: 'BODY', text: 'Hi {{1}}, thanks.', example: { body_text: [['Ada']] } }],
		});
	});
});

describe('Template › Submit: one sample field per body variable', () => {
	async function fieldsFor(body: string, parameterFormat = 'POSITIONAL') {
		return await callNodeMethod<ResourceMapperFields>(
			'resourceMapping',
			'getBodyVariables',
			{ resource: 'template', operation: 'submit', parameterFormat, body },
			emulatorCredentials(fixture.baseUrl),
		);
	}

	it('lists the variables in the order samples go, ignoring n8n expressions', async () => {
		const { fields } = await fieldsFor('On {{2}}, {{1}} ships to {{ $json.city }} ({{2}}).');
		expect(fields.map((field) => [field.id, field.displayName, field.required])).toEqual([
			['1', 'Sample for {{1}}', true],
			['2', 'Sample for {{2}}', true],
		]);
	});

	it('lists named variables as they first appear', async () => {
		const { fields } = await fieldsFor('Hi {{first_name}}, code {{code}}, {{first_name}}', 'NAMED');
		expect(fields.map((field) => field.id)).toEqual(['first_name', 'code']);
	});

	it('says how to get fields when the body has no variable', async () => {
		const result = await fieldsFor('Thanks for your order.');
		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toContain('write {{1}}');
	});
});
