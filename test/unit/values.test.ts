import { textOf } from '../../nodes/Dialog360/domain/values';

describe('textOf', () => {
	it.each([
		['text as it is', ' a ', ' a '],
		['numbers and booleans', 42, '42'],
		['false', false, 'false'],
		['nothing as empty text', undefined, ''],
		['null as empty text', null, ''],
		['objects as JSON', { a: 1 }, '{"a":1}'],
		['a "toString" key that is not a function', { toString: {} }, '{"toString":{}}'],
		['a "toJSON" key that is not a function', { toJSON: 1 }, '{"toJSON":1}'],
	])('%s', (_case, value, expected) => {
		expect(textOf(value)).toBe(expected);
	});

	it('a cycle, which JSON cannot hold', () => {
		const cycle: Record<string, unknown> = {};
		cycle.self = cycle;
		expect(textOf(cycle)).toBe('[object Object]');
	});
});
