/**
 * Template › Submit with its Body switched to an expression, as n8n's editor handles it. Before the
 * editor asks the node for the sample fields, it evaluates every parameter of the node in the
 * browser (n8n 2.8.4's and 2.41.1's resolveRequiredParameters, with n8n-workflow's Expression): an
 * expression Body arrives as "Hi 1, …", or as null when its n8n expressions need input data the
 * editor does not have. `editorSends` does the same here, so that the method is called with what the
 * editor sends, and the run then gets the samples filled in the fields the method gave.
 */
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type ResourceMapperFields,
} from 'n8n-workflow';

import { useEmulator } from '../support/emulatorFixture';
import { mapperValue } from '../support/mapper';
import { callNodeMethod, emulatorCredentials, nodeTypes, runActionNode } from '../support/n8nCore';

const fixture = useEmulator();

const EXPRESSION_BODY = '=Hi {{1}}, your order {{2}} ships {{ $json.when }}.';

/**
 * The node's parameters as n8n's editor sends them with a request for the sample fields: the stored
 * values with the defaults filled in (as the editor holds them), each evaluated for the first input
 * item; a parameter the mapper depends on must evaluate, any other is null when it fails.
 */
function editorSends(stored: INodeParameters, input: INodeExecutionData[]): IDataObject {
	const description = (nodeTypes.getByNameAndVersion('n8n-nodes-360dialog.dialog360') as INodeType)
		.description;
	const node: INode = {
		id: 'editor',
		name: 'Submit',
		type: 'n8n-nodes-360dialog.dialog360',
		typeVersion: 1.1,
		position: [0, 0],
		parameters: {},
	};
	node.parameters =
		NodeHelpers.getNodeParameters(description.properties, stored, true, false, node, description) ??
		{};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const mapper = description.properties.find((p) => p.name === 'bodyVariableSamples');
	const dependsOn = mapper?.typeOptions?.loadOptionsDependsOn ?? [];
	const evaluate = (value: INodeParameters[string]) =>
		workflow.expression.getParameterValue(
			value,
			{ resultData: { runData: {} } } as never,
			0,
			0,
			node.name,
			input,
			'manual',
			{},
		);
	return Object.fromEntries(
		Object.entries(node.parameters).map(([name, value]) => {
			if (dependsOn.includes(name)) return [name, evaluate(value)];
			try {
				return [name, evaluate(value)];
			} catch {
				return [name, null];
			}
		}),
	);
}

async function sampleFields(stored: INodeParameters, input: INodeExecutionData[] = []) {
	const sent = editorSends(
		{ resource: 'template', operation: 'submit', name: 'order_update', ...stored },
		input,
	);
	const result = await callNodeMethod<ResourceMapperFields>(
		'resourceMapping',
		'getBodyVariables',
		sent as INodeParameters,
		emulatorCredentials(fixture.baseUrl),
	);
	return { sent, ...result, ids: result.fields.map((field) => field.id) };
}

describe('Template › Submit: an expression Body in the editor', () => {
	it('keeps one sample field per WhatsApp variable although the editor evaluates {{1}} to 1', async () => {
		const { sent, fields } = await sampleFields({ body: EXPRESSION_BODY }, [
			{ json: { when: 'today' } },
		]);
		// What n8n's editor makes of the Body (and shows as the preview).
		expect(sent.body).toBe('Hi 1, your order 2 ships today.');
		expect(fields.map((field) => [field.id, field.displayName])).toEqual([
			['1', 'Sample for {{1}}'],
			['2', 'Sample for {{2}}'],
		]);
	});

	it('keeps them when the n8n expression needs input data the editor does not have yet', async () => {
		const { sent, ids } = await sampleFields({ body: EXPRESSION_BODY });
		expect(sent.body).toBeNull();
		expect(ids).toEqual(['1', '2']);
	});

	it('keeps named variables, which the editor evaluates to nothing', async () => {
		const { ids } = await sampleFields({
			parameterFormat: 'NAMED',
			body: '=Hi {{first_name}}, code {{ code }} for {{ $now.year }}.',
		});
		expect(ids).toEqual(['first_name', 'code']);
	});

	it('gives the same fields and the same dependency value for the Body Fixed and as an expression', async () => {
		// n8n clears the filled samples when the value the fields depend on changes: switching the
		// Body between Fixed and Expression must not change it.
		const fixed = await sampleFields({ body: EXPRESSION_BODY.slice(1) });
		const expression = await sampleFields({ body: EXPRESSION_BODY });
		expect(expression.ids).toEqual(fixed.ids);
		expect(expression.sent.bodyAsWritten).toBe(fixed.sent.bodyAsWritten);
		// A change of variables does change it, so that n8n asks for the fields again.
		const changed = await sampleFields({ body: '=Hi {{1}}.' });
		expect(changed.sent.bodyAsWritten).not.toBe(expression.sent.bodyAsWritten);
	});

	it('submits the Body with {{1}} as written, the n8n expression evaluated, and the samples filled in those fields', async () => {
		const input = [{ json: { when: 'today' } }];
		const { fields } = await sampleFields({ body: EXPRESSION_BODY }, input);
		const filled = { '1': 'Ada', '2': '#123' };
		const run = await runActionNode({
			parameters: {
				resource: 'template',
				operation: 'submit',
				name: 'order_update',
				category: 'UTILITY',
				language: 'en',
				body: EXPRESSION_BODY,
				bodyVariableSamples: mapperValue(
					Object.fromEntries(
						fields.map((field) => [field.id, filled[field.id as keyof typeof filled]]),
					),
					Object.fromEntries(fields.map((field) => [field.id, field.displayName])),
				),
			},
			items: input.map((item) => item.json),
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(run.error?.message).toBeUndefined();
		const [submitted] = fixture.emulator.requestsTo('POST', '/v1/configs/templates');
		expect(submitted.body).toMatchObject({
			components: [
				{
					type: 'BODY',
					text: 'Hi {{1}}, your order {{2}} ships today.',
					example: { body_text: [['Ada', '#123']] },
				},
			],
		});
	});
});
