/**
 * The trigger's canvas subtitle, evaluated by n8n's expression engine as the editor does, and the
 * notice at the top of its parameters.
 */
import { Workflow, type INode, type INodeParameters } from 'n8n-workflow';

import { Dialog360Trigger } from '../../nodes/Dialog360/Dialog360Trigger.node';
import { nodeTypes } from '../support/n8nCore';

const trigger = new Dialog360Trigger();

function subtitleFor(parameters: INodeParameters): unknown {
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: 'n8n-nodes-360dialog.dialog360Trigger',
		typeVersion: 1.1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({
		id: 'subtitle',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	return workflow.expression.getSimpleParameterValue(
		node,
		trigger.description.subtitle,
		'manual',
		{},
	);
}

describe('trigger description', () => {
	it('the subtitle names the chosen events in words', () => {
		expect(subtitleFor({ events: ['message', 'status'] })).toBe('On messages, statuses');
		expect(subtitleFor({ events: ['identityChange'] })).toBe('On identity changes');
	});

	it('with no event chosen the subtitle says the trigger only carries Send and Wait answers, not "On"', () => {
		expect(subtitleFor({ events: [] })).toBe('Send and Wait answers only');
	});

	it("the notice is short and says the https and port 443 rule applies to 360dialog's hosts only", () => {
		const notice = trigger.description.properties.find((property) => property.type === 'notice');
		const text = notice?.displayName ?? '';
		expect(text).toMatch(/360dialog's own hosts \(not a custom base URL\)/);
		expect(text).toMatch(/https/);
		expect(text.length).toBeLessThanOrEqual(300);
	});
});
