import fc from 'fast-check';

import {
	keepVariables,
	knownTemplateText,
	splitTemplateText,
	variablesOf,
} from '../../nodes/Dialog360/domain/templateText';

describe('template text: WhatsApp variables next to n8n expressions', () => {
	it('splits text, variables and expressions as n8n reads the braces', () => {
		expect(splitTemplateText('Hi {{1}}, to {{ $json.city }} ({{first_name}}) {{ open')).toEqual([
			{ kind: 'text', text: 'Hi ' },
			{ kind: 'variable', name: '1' },
			{ kind: 'text', text: ', to ' },
			{ kind: 'expression', code: ' $json.city ', closed: true },
			{ kind: 'text', text: ' (' },
			{ kind: 'variable', name: 'first_name' },
			{ kind: 'text', text: ') ' },
			{ kind: 'expression', code: ' open', closed: false },
		]);
	});

	it('takes JavaScript words for expressions, not variable names', () => {
		expect(variablesOf('{{ true }} {{null}} {{this}} {{ 2 }}')).toEqual(['2']);
	});

	it('keeps a text with variables only as it is, with nothing to evaluate', () => {
		expect(keepVariables('Hi {{ 1 }}, order {{2}}')).toEqual({
			expression: 'Hi {{ 1 }}, order {{2}}',
			literal: 'Hi {{1}}, order {{2}}',
			unclear: [],
		});
	});

	it('writes variables as escaped text inside an expression that still has n8n code', () => {
		const kept = keepVariables('Hi {{1}}, to {{ $json.city }}');
		expect(kept.literal).toBeUndefined();
		expect(kept.expression).toBe('Hi {{ "\\x7b\\x7b1\\x7d\\x7d" }}, to {{ $json.city }}');
		// No braces of a variable are left for n8n to evaluate.
		expect(splitTemplateText(kept.expression).filter((part) => part.kind === 'variable')).toEqual(
			[],
		);
	});

	it('names braces that look like a mistyped variable', () => {
		expect(keepVariables('Hi {{ first-name }} and {{First}} on {{ $now }}').unclear).toEqual([
			'{{ first-name }}',
			'{{First}}',
		]);
	});

	it('shows the editor the known text of an expression: variables kept, n8n code left out', () => {
		expect(knownTemplateText('=On {{2}}, {{1}} ships to {{ $json.city }}.')).toBe(
			'On {{2}}, {{1}} ships to .',
		);
		expect(knownTemplateText('Hi {{1}} in {{ $json.city }}')).toBe('Hi {{1}} in ');
		expect(knownTemplateText(undefined)).toBe('');
	});

	it('property: any text of words and variables comes back as written, its variables in order', () => {
		const word = fc.stringMatching(/^[A-Za-z ,.!?]{1,12}$/);
		const variable = fc.oneof(
			fc.integer({ min: 1, max: 99 }).map(String),
			fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/),
		);
		fc.assert(
			fc.property(fc.array(fc.tuple(word, variable), { minLength: 1, maxLength: 8 }), (pairs) => {
				const names = pairs
					.map(([, name]) => name)
					.filter((name) => !['true', 'false', 'null', 'undefined', 'this'].includes(name));
				fc.pre(names.length === pairs.length);
				const text = pairs.map(([before, name]) => `${before}{{${name}}}`).join('');
				const kept = keepVariables(text);
				return (
					kept.literal === text &&
					kept.unclear.length === 0 &&
					variablesOf(text).join() === [...new Set(names)].join()
				);
			}),
			{ numRuns: 2000 },
		);
	});

	it('property: braces with a capital letter or a dash are reported, never sent', () => {
		const unclear = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}[A-Z-][a-z0-9]{0,4}$/);
		fc.assert(
			fc.property(unclear, (code) => keepVariables(`Hi {{${code}}}!`).unclear.length === 1),
			{ numRuns: 2000 },
		);
	});
});
