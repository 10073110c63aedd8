/**
 * examples/flows/lead-form.flow.json, the Flow JSON a user pastes into WhatsApp Manager's flow editor:
 * the facts of Meta's Flow JSON reference it relies on
 * (https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson/): a version, screens with
 * IDs of capital letters and _ (SUCCESS is reserved), a terminal screen whose Footer completes the
 * flow, and a `complete` payload that returns every input of the form as `${form.<name>}`.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { defaultFlows } from '../emulator/routes/flows';

interface Component {
	type: string;
	name?: string;
	children?: Component[];
	'on-click-action'?: { name: string; payload?: Record<string, string> };
}
interface Screen {
	id: string;
	terminal?: boolean;
	layout: { type: string; children: Component[] };
}

const INPUTS = [
	'TextInput',
	'TextArea',
	'Dropdown',
	'RadioButtonsGroup',
	'CheckboxGroup',
	'DatePicker',
	'OptIn',
];

const flow = JSON.parse(
	readFileSync(
		path.join(__dirname, '..', '..', 'examples', 'flows', 'lead-form.flow.json'),
		'utf8',
	),
) as { version: string; screens: Screen[] };

function components(list: Component[]): Component[] {
	return list.flatMap((component) => [component, ...components(component.children ?? [])]);
}

describe('the example lead form flow', () => {
	it('is Flow JSON of a current version with well-formed screen IDs', () => {
		expect(flow.version).toMatch(/^[67]\.\d$/);
		for (const screen of flow.screens) {
			expect(screen.id).toMatch(/^[A-Z][A-Z_]*$/);
			expect(screen.id).not.toBe('SUCCESS');
			expect(screen.layout.type).toBe('SingleColumnLayout');
		}
	});

	it('ends on a terminal screen whose complete payload returns every input field', () => {
		const inputs = flow.screens
			.flatMap((screen) => components(screen.layout.children))
			.filter((component) => INPUTS.includes(component.type))
			.map((component) => component.name);
		expect(inputs).toEqual(['name', 'email', 'company', 'interest']);
		const terminal = flow.screens.filter((screen) => screen.terminal);
		expect(terminal).toHaveLength(1);
		const footer = components(terminal[0].layout.children).find(
			(component) => component.type === 'Footer',
		);
		expect(footer?.['on-click-action']?.name).toBe('complete');
		expect(footer?.['on-click-action']?.payload).toEqual(
			Object.fromEntries(inputs.map((name) => [name, `\${form.${name}}`])),
		);
	});

	it('opens on the screen the emulator knows for its published lead form', () => {
		const published = defaultFlows().find((candidate) => candidate.status === 'PUBLISHED');
		expect(published?.screens).toContain(flow.screens[0].id);
	});
});
