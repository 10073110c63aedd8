/**
 * Splitting a long text: every part fits the limit in UTF-16 units (the largest reading of WhatsApp's
 * "characters"), no part starts or ends inside a word unless that word alone is longer than a
 * message, no grapheme cluster (an emoji family, a flag, a letter with its accents) is cut, and the
 * words come back in order. The other direction: a limit too small for a message is refused.
 */
import fc from 'fast-check';

import { SPLIT_RULES, splitText } from '../../nodes/Dialog360/domain/splitText';
import { chatWord, graphemes } from './arbitraries';

jest.setTimeout(180_000);

const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);

/** Where each part lies in the trimmed text: parts of a text without code blocks are slices of it. */
function locate(source: string, parts: string[]): Array<[number, number]> {
	let cursor = 0;
	return parts.map((part) => {
		while (isSpace(source[cursor])) cursor++;
		expect(source.slice(cursor, cursor + part.length)).toBe(part);
		cursor += part.length;
		return [cursor - part.length, cursor];
	});
}

/** The length of the word (run without white space) that a cut at `at` falls inside, or 0. */
function wordCutAt(source: string, at: number): number {
	if (at <= 0 || at >= source.length || isSpace(source[at - 1]) || isSpace(source[at])) return 0;
	let start = at;
	let end = at;
	while (start > 0 && !isSpace(source[start - 1])) start--;
	while (end < source.length && !isSpace(source[end])) end++;
	return end - start;
}

describe('splitting a long text', () => {
	it('property: parts fit, cuts fall between words and grapheme clusters, the words come back in order', () => {
		fc.assert(
			fc.property(
				fc.array(chatWord, { minLength: 1, maxLength: 80 }),
				fc.integer({ min: SPLIT_RULES.minimum, max: 400 }),
				(words, limit) => {
					const source = words.join(' ').trim();
					const parts = splitText(source, limit);
					for (const part of parts) {
						expect(part.length).toBeLessThanOrEqual(limit);
						expect(part).toBe(part.trim());
						expect(part).not.toBe('');
					}
					const spans = locate(source, parts);
					const clusterEdges = new Set<number>([0]);
					let edge = 0;
					for (const cluster of graphemes(source)) clusterEdges.add((edge += cluster.length));
					let rebuilt = '';
					for (const [index, [start, end]] of spans.entries()) {
						for (const cut of [start, end]) {
							expect(clusterEdges.has(cut)).toBe(true);
							const word = wordCutAt(source, cut);
							if (word > 0) expect(word).toBeGreaterThan(limit);
						}
						rebuilt += (index === 0 || wordCutAt(source, start) > 0 ? '' : ' ') + parts[index];
					}
					expect(rebuilt.split(/\s+/)).toEqual(source.split(/\s+/));
				},
			),
			{ numRuns: 300 },
		);
	});

	it('property: a limit below the room a message needs is refused, saying the minimum', () => {
		fc.assert(
			fc.property(fc.integer({ min: -100, max: SPLIT_RULES.minimum - 1 }), (limit) => {
				expect(() => splitText('some text', limit)).toThrow(
					`A message must be allowed at least ${SPLIT_RULES.minimum} characters`,
				);
			}),
			{ numRuns: 100 },
		);
	});
});
