/**
 * Generators weighted toward the edges: empty, at a limit, one past it, whitespace only, and text
 * whose length differs between code points and UTF-16 units (emoji, flags, combining marks).
 */
import { execFileSync } from 'node:child_process';

import fc from 'fast-check';

import type { Violation } from '../../nodes/Dialog360/domain/checks';

export const RUNS = 10_000;

/**
 * The seed comes from the commit: a run of a commit draws the same inputs here and in CI (a green
 * run before pushing means a green CI), and each new commit explores new inputs. FC_SEED=<n> replays
 * a failure that fast-check reported; FC_SEED=random draws a fresh seed.
 */
function commitSeed(): number | undefined {
	const requested = process.env.FC_SEED;
	if (requested === 'random') return undefined;
	if (requested) return Number(requested);
	try {
		return parseInt(
			execFileSync('git', ['rev-parse', 'HEAD'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).slice(0, 8),
			16,
		);
	} catch {
		return 20_261_124;
	}
}
const seed = commitSeed();
fc.configureGlobal({ numRuns: RUNS, ...(seed === undefined ? {} : { seed }) });

const EDGE_UNITS = [
	'a',
	' ',
	'😀',
	'🇩🇪',
	'é',
	'e\u0301',
	'\u200b',
	'\n',
	'{',
	'}',
	'_',
	'|',
	'Ω',
	'中',
];

const unit = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...EDGE_UNITS) },
	{ weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }) },
);

/** A text near `limit` code points: 0, limit − 1, limit, limit + 1, or anything up to 2 × limit. */
export function textNear(limit: number): fc.Arbitrary<string> {
	const repeat = (length: number) =>
		unit.map((character) => Array.from({ length }, () => character).join(''));
	return fc.oneof(
		{ weight: 2, arbitrary: fc.constantFrom('', ' ', '   ', '\t\n') },
		{
			weight: 3,
			arbitrary: fc.constantFrom(Math.max(0, limit - 1), limit, limit + 1).chain(repeat),
		},
		{
			weight: 3,
			arbitrary: fc
				.array(unit, { maxLength: Math.min(limit * 2, 3000) })
				.map((units) => units.join('')),
		},
		{ weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
	);
}

/**
 * Keys that shadow Object.prototype (a `{"toString": {}}` breaks `String(value)`) and keys the
 * readers look for, so that hostile values land where they are read.
 */
const pointedKey = fc.constantFrom(
	'toString',
	'valueOf',
	'toJSON',
	'constructor',
	'hasOwnProperty',
	'__proto__',
	'type',
	'status',
	'id',
	'field',
	'from',
	'entry',
	'changes',
	'value',
	'messages',
	'statuses',
	'contacts',
	'text',
	'parameters',
);

/** Anything JSON can hold, sometimes deeply nested, large, or with keys that shadow the prototype. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
	{
		weight: 2,
		arbitrary: fc.object({ key: pointedKey, maxDepth: 4, values: [fc.jsonValue({ maxDepth: 1 })] }),
	},
	{
		weight: 1,
		arbitrary: fc
			.integer({ min: 50, max: 400 })
			.map((depth) =>
				Array.from({ length: depth }).reduce<unknown>((inner) => ({ entry: [inner] }), {}),
			),
	},
	{
		weight: 1,
		arbitrary: fc.integer({ min: 1000, max: 5000 }).map((count) => ({
			entry: [
				{
					changes: [
						{
							value: {
								statuses: Array.from({ length: count }, (_, i) => ({
									id: `w${i}`,
									status: 'read',
								})),
							},
						},
					],
				},
			],
		})),
	},
);

/** Code points, as the rules count them. */
export const length = (text: string) => Array.from(text).length;
export const within = (text: string | undefined, min: number, max: number) =>
	length(text ?? '') >= min && length(text ?? '') <= max;
export const optionalWithin = (text: string | undefined, max: number) =>
	!text || length(text) <= max;

/**
 * A rejection names its field: the message starts with the field's name (or its first word, for
 * fields such as "Buttons" whose messages talk about one button) and says what is wrong.
 */
export function namesItsField(violation: Violation): boolean {
	const first = violation.field.split(' ')[0].replace(/s$/, '').toLowerCase();
	return (
		violation.field.length > 0 &&
		violation.message.length > violation.field.length &&
		violation.message.toLowerCase().includes(first)
	);
}

/** Characters of exactly one code point each (no braces, so no template variable appears by chance). */
const SAFE_UNITS = ['a', 'B', '7', ' ', '.', ',', '😀', 'é', 'Ω', '中', '-', '\n'];

/**
 * A text the rules accept: between `min` and `max` code points, not blank (it starts with a letter),
 * and sometimes exactly `max` long. The other half of every property: good input must pass.
 */
export function validText(min: number, max: number): fc.Arbitrary<string> {
	const rest = (length: number) =>
		fc
			.array(fc.constantFrom(...SAFE_UNITS), { minLength: length, maxLength: length })
			.map((units) => `a${units.join('')}`);
	const from = Math.max(1, min);
	return fc.oneof(
		{
			weight: 3,
			arbitrary: fc
				.integer({ min: from, max: Math.min(max, from + 40) })
				.chain((length) => rest(length - 1)),
		},
		{ weight: 1, arbitrary: fc.constantFrom(from, max).chain((length) => rest(length - 1)) },
		{ weight: 1, arbitrary: fc.integer({ min: from, max }).chain((length) => rest(length - 1)) },
	);
}

/** Distinct values from an arbitrary, `min` to `max` of them. */
export function distinct<T>(
	arbitrary: fc.Arbitrary<T>,
	min: number,
	max: number,
): fc.Arbitrary<T[]> {
	return fc.uniqueArray(arbitrary, { minLength: min, maxLength: max });
}

/** Phone numbers with a possible length in their numbering plan, written the ways people write them. */
export const validPhone: fc.Arbitrary<{ input: string; digits: string; country?: string }> =
	fc.oneof(
		fc
			.stringMatching(/^[0-9]{8}$/)
			.map((rest) => ({ input: `+49 151 ${rest}`, digits: `49151${rest}` })),
		fc
			.stringMatching(/^[0-9]{7}$/)
			.map((rest) => ({ input: `0049 171-${rest}`, digits: `49171${rest}` })),
		fc
			.stringMatching(/^[0-9]{5}$/)
			.map((rest) => ({ input: `07700 9${rest}`, digits: `4477009${rest}`, country: 'GB' })),
		fc
			.stringMatching(/^[0-9]{4}$/)
			.map((rest) => ({ input: `(201) 555-${rest}`, digits: `1201555${rest}`, country: 'US' })),
		fc
			.stringMatching(/^[0-9]{8}$/)
			.map((rest) => ({ input: `55 11 9${rest}`, digits: `55119${rest}` })),
	);

/**
 * Words of a chat answer, weighted toward what cuts go wrong on: markers without their closing half,
 * emoji made of several code points (a family joined by ZWJ, a flag, a skin tone), letters with
 * combining marks, links, sentence ends, line breaks, and words longer than a message.
 */
export const chatWord: fc.Arbitrary<string> = fc.oneof(
	{ weight: 6, arbitrary: fc.stringMatching(/^[a-z]{1,12}$/) },
	{
		weight: 4,
		arbitrary: fc.constantFrom(
			'*',
			'_',
			'~',
			'*open',
			'close_',
			'~half',
			'5*3',
			'*bold*',
			'_it_',
			'👨‍👩‍👧‍👦',
			'🇩🇪🇫🇷',
			'👍🏽',
			'e\u0301te\u0301',
			'a\u0308\u0301\u0323',
			'中文字',
			'https://shop.example.com/a_b*c~d',
			'end.',
			'why?',
			'\n',
			'\n\n',
		),
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(
				fc.constantFrom('x', 'ab', '👨‍👩‍👧‍👦', 'e\u0301', '🇩🇪', '中'),
				fc.integer({ min: 20, max: 700 }),
			)
			.map(([piece, count]) => piece.repeat(count)),
	},
);

/** Grapheme clusters, as Intl.Segmenter reads them. */
export const graphemes = (text: string): string[] =>
	Array.from(
		new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
		(part) => part.segment,
	);
