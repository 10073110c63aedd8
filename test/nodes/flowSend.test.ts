/** WhatsApp Flows, the sending side, through n8n-core against the emulator (issue 27). */
import type { INodeParameters, ResourceMapperFields } from 'n8n-workflow';

import { MESSAGE_RULES } from '../../nodes/Dialog360/domain/rules/messages';
import { mapperValue } from '../support/mapper';
import { TO, useMessageSend } from '../support/messageSend';
import { callNodeMethod, emulatorCredentials, errorOf, runActionNode } from '../support/n8nCore';

const { fixture, send } = useMessageSend();

const PUBLISHED = '1234567890123456';
const DRAFT = '6543210987654321';

/** A flow message that passes every rule: the published lead form, opened on its first screen. */
function flowParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		messageType: 'flow',
		body: 'Tell us about you',
		flowId: { __rl: true, mode: 'id', value: PUBLISHED },
		flowCta: 'Open form',
		flowAction: 'navigate',
		flowScreen: 'LEAD_FORM',
		...overrides,
	};
}

function sentFlow(index = 0) {
	const interactive = fixture.emulator.sent[index].payload.interactive as Record<string, any>;
	return interactive;
}

describe('Message › Send, type Flow', () => {
	it('sends a navigate flow with its screen data, and returns the token it made', async () => {
		const { items, error } = await send(
			flowParameters({
				headerText: 'Sign up',
				footer: 'Takes a minute',
				flowData: '{ "name": "Ada" }',
			}),
		);
		expect(error).toBeUndefined();
		const interactive = sentFlow();
		expect(interactive).toMatchObject({
			type: 'flow',
			header: { type: 'text', text: 'Sign up' },
			body: { text: 'Tell us about you' },
			footer: { text: 'Takes a minute' },
			action: {
				name: 'flow',
				parameters: {
					flow_message_version: '3',
					flow_id: PUBLISHED,
					flow_cta: 'Open form',
					mode: 'published',
					flow_action: 'navigate',
					flow_action_payload: { screen: 'LEAD_FORM', data: { name: 'Ada' } },
				},
			},
		});
		const token = interactive.action.parameters.flow_token as string;
		expect(token).toMatch(/^[0-9a-f-]{36}$/);
		expect(items[0].json).toMatchObject({
			messageId: fixture.emulator.sent[0].id,
			flowToken: token,
		});
	});

	it('sends a data_exchange flow without a payload, with the token given', async () => {
		const { items, error } = await send(
			flowParameters({
				flowAction: 'data_exchange',
				flowReference: 'order-42',
				flowScreen: 'IGNORED',
			}),
		);
		expect(error).toBeUndefined();
		const { parameters } = sentFlow().action;
		expect(parameters.flow_action).toBe('data_exchange');
		expect(parameters.flow_action_payload).toBeUndefined();
		expect(parameters.flow_token).toBe('order-42');
		expect(items[0].json.flowToken).toBe('order-42');
	});

	it('makes a different token for every item', async () => {
		const { items } = await send(flowParameters(), [{}, {}]);
		expect(items[0].json.flowToken).not.toBe(items[1].json.flowToken);
	});

	it('accepts every limit at its boundary', async () => {
		const { error } = await send(
			flowParameters({
				flowCta: 'c'.repeat(MESSAGE_RULES.flowCta.max),
				flowReference: 't'.repeat(MESSAGE_RULES.flowToken.max),
				body: 'b'.repeat(MESSAGE_RULES.interactiveBody.max),
			}),
		);
		expect(error).toBeUndefined();
	});

	const refused: Array<[string, INodeParameters, string]> = [
		[
			'a flow ID that is not a number',
			// From an expression: the editor's own check stops a fixed value that is not digits.
			{ flowId: { __rl: true, mode: 'id', value: '={{ "lead form" }}' } },
			`Flow ID must be the flow's numeric ID (got "lead form")`,
		],
		[
			'a button text one past 30',
			{ flowCta: 'c'.repeat(31) },
			'Button Text must be at most 30 characters (got 31)',
		],
		[
			'an emoji in the button text',
			{ flowCta: 'Open 📝' },
			'Button Text of a flow must not contain emoji',
		],
		[
			'no first screen for navigate',
			{ flowScreen: '={{ "" }}' },
			'First Screen must be at least 1 character',
		],
		['screen data that is not JSON', { flowData: '{ name: Ada' }, 'Screen Data is not valid JSON'],
		['screen data that is a list', { flowData: '[1]' }, 'Screen Data must be a JSON object'],
		[
			'empty screen data',
			{ flowData: '{}' },
			'Screen Data must be a JSON object with at least one field, or left empty',
		],
		[
			'a token one past the limit',
			{ flowReference: 't'.repeat(MESSAGE_RULES.flowToken.max + 1) },
			`Flow Token must be at most ${MESSAGE_RULES.flowToken.max} characters`,
		],
	];
	it.each(refused)(
		'refuses %s, naming the field, and sends nothing',
		async (_, overrides, message) => {
			const { error } = await send(flowParameters(overrides));
			expect(error?.message).toContain(message);
			expect(error?.message).toMatch(/\[item 0\]$/);
			expect(fixture.emulator.sent).toHaveLength(0);
		},
	);

	it('fails only the bad item under Continue On Fail and sends the others in order', async () => {
		const { items } = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'send',
				to: TO,
				...flowParameters({ flowCta: '={{ $json.cta }}', flowData: '={{ $json.data }}' }),
			},
			items: [
				{ cta: 'One', data: '{"a":1}' },
				{ cta: 'Two', data: 'not json' },
				{ cta: 'x'.repeat(31), data: '' },
				{ cta: 'Four', data: '' },
			],
			credentials: emulatorCredentials(fixture.baseUrl),
			continueOnFail: true,
		});
		expect(errorOf(items[1]).message).toMatch(/^Screen Data is not valid JSON: .* \[item 1\]$/);
		expect(errorOf(items[2]).message).toBe(
			'Button Text must be at most 30 characters (got 31) [item 2]',
		);
		expect(
			fixture.emulator.sent.map(
				(message) => (message.payload.interactive as any).action.parameters.flow_cta,
			),
		).toEqual(['One', 'Four']);
	});

	it('reports a flow the account does not have, as WhatsApp answers it', async () => {
		const { error } = await send(
			flowParameters({ flowId: { __rl: true, mode: 'id', value: '999' } }),
		);
		expect(error?.message).toContain('(#131009)');
		expect(`${error?.message} ${error?.description}`).toContain('Flow 999 does not exist');
		expect(error?.description).toContain('pick it from the Flow list');
		expect(fixture.emulator.sent).toHaveLength(0);
	});

	it('reports a draft flow sent as published, and sends it in draft mode', async () => {
		const draft = { flowId: { __rl: true, mode: 'id', value: DRAFT }, flowScreen: 'QUESTION' };
		const { error } = await send(flowParameters(draft));
		expect(error?.message).toContain('(#131009)');
		expect(`${error?.message} ${error?.description}`).toContain('DRAFT status');
		expect(error?.description).toContain('sent only with Mode Draft');
		const { error: draftError } = await send(flowParameters({ ...draft, flowMode: 'draft' }));
		expect(draftError).toBeUndefined();
		expect(sentFlow().action.parameters.mode).toBe('draft');
	});
});

describe('Flow › List and Get, and the Flow picker', () => {
	const credentials = () => emulatorCredentials(fixture.baseUrl);

	it('lists the flows of the number with its own key', async () => {
		const { items, error } = await runActionNode({
			parameters: { resource: 'flow', operation: 'list' },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ id: PUBLISHED, name: 'lead_form', status: 'PUBLISHED', categories: ['LEAD_GENERATION'] },
			{ id: DRAFT, name: 'survey_draft', status: 'DRAFT', categories: ['SURVEY'] },
		]);
		expect(fixture.emulator.requestsTo('GET', '/flows')[0].authorized).toBe(true);
	});

	it('gets one flow, and names an unknown one', async () => {
		const get = (value: string) =>
			runActionNode({
				parameters: {
					resource: 'flow',
					operation: 'get',
					flowId: { __rl: true, mode: 'id', value },
				},
				credentials: credentials(),
			});
		expect((await get(DRAFT)).items[0].json).toMatchObject({
			name: 'survey_draft',
			status: 'DRAFT',
		});
		const { error } = await get('424242');
		expect(error?.message).toBe(`Flow ID must be one of this number's flows (got "424242")`);
		// Only the list is read: 360dialog documents no single-flow path for the number's key.
		expect(fixture.emulator.requests.every((request) => request.path === '/flows')).toBe(true);
		// A non-numeric ID from an expression is refused before the list is read (the field's own
		// check refuses a typed one in the editor).
		const listed = fixture.emulator.requestsTo('GET', '/flows').length;
		expect((await get('={{ "lead form" }}')).error?.message).toBe(
			`Flow ID must be the flow's numeric ID (got "lead form")`,
		);
		expect(fixture.emulator.requestsTo('GET', '/flows')).toHaveLength(listed);
	});

	it('reads every page of a long list, and gets a flow from a later page', async () => {
		const idOf = (index: number) => String(9000000000000000 + index);
		fixture.emulator.flows = Array.from({ length: 30 }, (_, index) => ({
			id: idOf(index),
			name: `flow_${index}`,
			status: 'PUBLISHED',
			categories: ['OTHER'],
		}));
		const list = await runActionNode({
			parameters: { resource: 'flow', operation: 'list' },
			credentials: credentials(),
		});
		expect(list.items.map((item) => item.json.name)).toEqual(
			Array.from({ length: 30 }, (_, index) => `flow_${index}`),
		);
		expect(
			fixture.emulator.requestsTo('GET', '/flows').map((request) => request.query.after ?? null),
		).toEqual([null, '25']);
		const get = await runActionNode({
			parameters: {
				resource: 'flow',
				operation: 'get',
				flowId: { __rl: true, mode: 'id', value: idOf(28) },
			},
			credentials: credentials(),
		});
		expect(get.items[0].json).toEqual({
			id: idOf(28),
			name: 'flow_28',
			status: 'PUBLISHED',
			categories: ['OTHER'],
		});
	});

	it('offers the flows in the Flow picker, filtered by name', async () => {
		const all = await callNodeMethod<{ results: Array<{ name: string; value: string }> }>(
			'listSearch',
			'searchFlows',
			{ resource: 'message', operation: 'send', messageType: 'flow' },
			credentials(),
		);
		expect(all.results).toEqual([
			{ name: 'lead_form · PUBLISHED', value: PUBLISHED },
			{ name: 'survey_draft · DRAFT', value: DRAFT },
		]);
		const lead = await callNodeMethod<{ results: unknown[] }>(
			'listSearch',
			'searchFlows',
			{ resource: 'message', operation: 'send', messageType: 'flow' },
			credentials(),
			['LEAD'],
		);
		expect(lead.results).toHaveLength(1);
	});
});

describe('Template › Submit with a flow button, and Send Template filling it', () => {
	const credentials = () => emulatorCredentials(fixture.baseUrl);
	const submit = (button: Record<string, string>) =>
		runActionNode({
			parameters: {
				resource: 'template',
				operation: 'submit',
				name: 'lead_invite',
				category: 'MARKETING',
				language: 'en_US',
				body: 'Want a quote? Tell us what you need.',
				buttons: { button: [{ type: 'FLOW', text: 'Get a quote', ...button }] },
			},
			credentials: credentials(),
		});

	it('submits a flow button by ID with its first screen, and by name for data_exchange', async () => {
		expect(
			(await submit({ flowId: PUBLISHED, flowAction: 'navigate', navigateScreen: 'LEAD_FORM' }))
				.error,
		).toBeUndefined();
		expect(
			(
				await runActionNode({
					parameters: {
						resource: 'template',
						operation: 'submit',
						name: 'lead_invite_two',
						category: 'UTILITY',
						language: 'en_US',
						body: 'Your form',
						buttons: {
							button: [
								{ type: 'QUICK_REPLY', text: 'Later' },
								{ type: 'FLOW', text: 'Open', flowName: 'lead_form', flowAction: 'data_exchange' },
							],
						},
					},
					credentials: credentials(),
				})
			).error,
		).toBeUndefined();
		const bodies = fixture.emulator
			.requestsTo('POST', '/v1/configs/templates')
			.map((request) => (request.body as { components: Array<Record<string, any>> }).components);
		expect(bodies[0][1].buttons).toEqual([
			{
				type: 'FLOW',
				text: 'Get a quote',
				flow_id: PUBLISHED,
				flow_action: 'navigate',
				navigate_screen: 'LEAD_FORM',
			},
		]);
		expect(bodies[1][1].buttons[1]).toEqual({
			type: 'FLOW',
			text: 'Open',
			flow_name: 'lead_form',
			flow_action: 'data_exchange',
		});
	});

	it('refuses a flow button without a flow or a screen, naming the field, and sends nothing', async () => {
		const { error } = await submit({ flowAction: 'navigate' });
		expect(error?.message).toBe('The WhatsApp template breaks 2 rules [item 0]');
		expect(error?.description).toContain(
			'Button 1 needs either a Flow ID or a Flow Name (neither was given)',
		);
		expect(error?.description).toContain('Button 1 First Screen must be at least 1 character');
		expect(fixture.emulator.requestsTo('POST', '/v1/configs/templates')).toHaveLength(0);
	});

	it('reports a flow the account does not have, as 360dialog answers it', async () => {
		const { error } = await submit({ flowId: '424242', navigateScreen: 'LEAD_FORM' });
		expect(`${error?.message} ${error?.description}`).toContain('Flow 424242');
		expect(fixture.emulator.templates).toHaveLength(0);
	});

	describe('Send Template', () => {
		beforeEach(() =>
			fixture.emulator.seedTemplates(1, () => ({
				name: 'lead_invite',
				language: 'en_US',
				category: 'MARKETING',
				components: [
					{ type: 'BODY', text: 'Hi {{1}}, want a quote?' },
					{
						type: 'BUTTONS',
						buttons: [
							{
								type: 'FLOW',
								text: 'Get a quote',
								flow_id: PUBLISHED,
								flow_action: 'navigate',
								navigate_screen: 'LEAD_FORM',
							},
						],
					},
				],
			})),
		);
		const sendTemplate = (values: Record<string, string>) =>
			runActionNode({
				parameters: {
					resource: 'message',
					operation: 'sendTemplate',
					to: TO,
					template: { __rl: true, mode: 'id', value: 'lead_invite|en_US' },
					templateParameters: mapperValue(values),
				},
				credentials: credentials(),
			});
		const flowComponent = () =>
			(
				fixture.emulator.sent[0].payload.template as { components: Array<Record<string, any>> }
			).components.find((component) => component.sub_type === 'flow');

		it('offers the flow token and screen data as fields of the template', async () => {
			const fields = await callNodeMethod<ResourceMapperFields>(
				'resourceMapping',
				'getTemplateParameters',
				{
					resource: 'message',
					operation: 'sendTemplate',
					template: { __rl: true, mode: 'id', value: 'lead_invite|en_US' },
				},
				credentials(),
			);
			expect(fields.fields.map((field) => [field.id, field.required])).toEqual([
				['body_1', true],
				['button_0_flow_token', false],
				['button_0_flow_data', false],
			]);
		});

		it('fills the flow button with the token and data given', async () => {
			const { items, error } = await sendTemplate({
				body_1: 'Ada',
				button_0_flow_token: 'lead-7',
				button_0_flow_data: '{"name":"Ada"}',
			});
			expect(error).toBeUndefined();
			expect(flowComponent()).toEqual({
				type: 'button',
				sub_type: 'flow',
				index: '0',
				parameters: [
					{ type: 'action', action: { flow_token: 'lead-7', flow_action_data: { name: 'Ada' } } },
				],
			});
			expect(items[0].json.flowToken).toBe('lead-7');
		});

		it('makes a token when none is given, and returns it', async () => {
			const { items, error } = await sendTemplate({ body_1: 'Ada' });
			expect(error).toBeUndefined();
			const token = flowComponent()?.parameters[0].action.flow_token;
			expect(token).toMatch(/^[0-9a-f-]{36}$/);
			expect(items[0].json.flowToken).toBe(token);
		});

		it('refuses screen data that is not a JSON object, naming the button, and sends nothing', async () => {
			const { error } = await sendTemplate({ body_1: 'Ada', button_0_flow_data: 'name=Ada' });
			expect(error?.message).toContain(
				'Button 0 "Get a quote" Screen Data must be a JSON object with at least one field, or left empty (got name=Ada)',
			);
			expect(fixture.emulator.sent).toHaveLength(0);
		});
	});
});
