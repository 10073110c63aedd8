/**
 * A text longer than one WhatsApp message, cut into messages that each keep within the limit: at a
 * paragraph if one ends close enough, else at a line, a sentence, a word; never inside a formatting
 * span (*bold*, _italic_, ~strike~, `code`) while another cut is possible, and a code block cut in two
 * is closed and opened again. A marker without its closing half on the same line is plain text.
 * Cuts fall only between words; a single word longer than a message (a very long link, a text
 * without spaces) is cut between two characters as a reader sees them (grapheme clusters: an emoji
 * family, a flag or a letter with its accents stays whole). A link is never cut: links hold no spaces.
 *
 * Length: Meta gives the text limit as "Maximum 4096 characters" without saying what a character is
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/text-messages). The parts are
 * measured in UTF-16 code units, the largest of the possible counts (an emoji is 2 to 11 units), so
 * a part fits whether WhatsApp counts units, code points or graphemes.
 *
 * Linear time: the text is read once to find the grapheme boundaries, the spans and the kind of each
 * possible cut; each message then looks only at its own stretch.
 */

export const SPLIT_RULES = {
	/** Less room than this cannot keep a code block's fences and a word together. */
	minimum: 16,
};

/** The length the parts are measured in: UTF-16 code units (see above). */
export const messageLength = (text: string): number => text.length;

const FENCE = '```';
/** A long run of non-trivial characters is cut into grapheme clusters this many units at a time. */
const SEGMENT_CHUNK = 1024;

/** JavaScript's \s, as code units. */
function isSpace(unit: number): boolean {
	return (
		unit === 32 ||
		(unit >= 9 && unit <= 13) ||
		unit === 0xa0 ||
		unit === 0x1680 ||
		(unit >= 0x2000 && unit <= 0x200a) ||
		unit === 0x2028 ||
		unit === 0x2029 ||
		unit === 0x202f ||
		unit === 0x205f ||
		unit === 0x3000 ||
		unit === 0xfeff
	);
}

/** [A-Za-z0-9_]: what the formatting rules take for a word character around a marker. */
function isWordUnit(unit: number): boolean {
	return (
		(unit >= 48 && unit <= 57) ||
		(unit >= 65 && unit <= 90) ||
		(unit >= 97 && unit <= 122) ||
		unit === 95
	);
}

/**
 * A unit that forms a grapheme cluster on its own and joins nothing: Latin text, punctuation, line
 * breaks, CJK ideographs (not © and ®, which start emoji sequences; combining marks begin at U+0300).
 * Between two such units there is always a cluster boundary (except CR LF).
 */
function isSimple(unit: number): boolean {
	return (unit < 0x300 && unit !== 0xa9 && unit !== 0xae) || (unit >= 0x4e00 && unit <= 0x9fff);
}

/**
 * What never starts a grapheme cluster of its own: combining marks, joiners, emoji modifiers (a
 * superset of Unicode's Extend, ZWJ and SpacingMark, which is safe: it only forgoes a cut).
 */
const JOINS_PREVIOUS = /^[\p{M}\p{Grapheme_Extend}\u200c\u200d\u{1f3fb}-\u{1f3ff}]/u;

/** Whether a cut right after the white space at `at - 1` falls between grapheme clusters. */
function breaksAfterSpace(text: string, at: number): boolean {
	const space = text.charCodeAt(at - 1);
	const next = text.charCodeAt(at);
	if (space === 13) return next !== 10;
	// Line breaks and tabs end their cluster; a space can carry a combining mark.
	if (space < 32 || space === 0x2028 || space === 0x2029 || isSimple(next)) return true;
	return !JOINS_PREVIOUS.test(text.slice(at, at + 2));
}

/**
 * The latest cut between grapheme clusters in (start, end], by Intl.Segmenter, reading from a
 * position known to be a cluster boundary (`start`, or a place between two simple units close to
 * `end`) and a chunk at a time: Intl.Segmenter takes quadratic time on one long string.
 */
function latestClusterEdge(text: string, start: number, end: number): number {
	const edgeAt = (at: number) =>
		at < text.length &&
		isSimple(text.charCodeAt(at - 1)) &&
		isSimple(text.charCodeAt(at)) &&
		!(text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10);
	if (edgeAt(end)) return end;
	let from = start;
	for (let at = end - 1; at > Math.max(start, end - 64); at--)
		if (edgeAt(at)) {
			from = at;
			break;
		}
	const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
	const stop = Math.min(text.length, end + 8);
	let latest = from;
	let size = SEGMENT_CHUNK;
	for (;;) {
		let to = Math.min(stop, from + size);
		// Never end a chunk between the halves of a surrogate pair.
		if (to < stop && (text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to++;
		// A boundary near a chunk's end may depend on what follows it: trust those up to `trusted`.
		const trusted = to === stop ? to : to - 4;
		let passedEnd = false;
		for (const { index, segment } of segmenter.segment(text.slice(from, to))) {
			const edge = from + index + segment.length;
			if (edge > end) passedEnd = true;
			if (edge > end || edge > trusted) break;
			latest = edge;
		}
		if (passedEnd || to === stop) return latest;
		// Go on from the last boundary found, or read a longer chunk when one cluster fills it.
		if (latest > from) [from, size] = [latest, SEGMENT_CHUNK];
		else size *= 2;
	}
}

const BLOCKED = 8;
/** . ! ? … */
const SENTENCE_ENDS = new Set([0x2e, 0x21, 0x3f, 0x2026]);

/**
 * What a cut at each position would be: 4 after a blank line, 3 after a line break, 2 after a
 * sentence, 1 next to a space, 0 inside a word or a grapheme cluster; plus BLOCKED inside a
 * formatting span. Also whether each position lies inside a code block.
 */
function analyse(text: string): Layout {
	const n = text.length;
	const inCode = new Uint8Array(n + 1);
	let open = 0;
	for (let at = 0; at < n; at++) {
		if (text.startsWith(FENCE, at)) {
			open ^= 1;
			inCode[at + 1] = inCode[at + 2] = 1;
			inCode[at + 3] = open;
			at += 2;
		} else inCode[at + 1] = open;
	}
	const blocked = new Int32Array(n + 2);
	const block = (start: number, end: number) => {
		blocked[start + 1]++;
		blocked[end]--;
	};
	for (let lineStart = 0; lineStart < n;) {
		let lineEnd = text.indexOf('\n', lineStart);
		if (lineEnd === -1) lineEnd = n;
		markSpans(text, lineStart, lineEnd, inCode, block);
		lineStart = lineEnd + 1;
	}
	const kinds = new Uint8Array(n + 1);
	let depth = 0;
	for (let at = 1; at < n; at++) {
		depth += blocked[at];
		const before = text.charCodeAt(at - 1);
		const after = text.charCodeAt(at);
		// Next to white space; after a space only when no combining mark follows it.
		if (isSpace(before) ? !breaksAfterSpace(text, at) : !isSpace(after)) continue;
		let kind = 0;
		if (before === 10 && text.charCodeAt(at - 2) === 10) kind = 4;
		else if (before === 10) kind = 3;
		else if (isSpace(after) && SENTENCE_ENDS.has(before)) kind = 2;
		else kind = 1;
		kinds[at] = kind | (depth > 0 ? BLOCKED : 0);
	}
	return { kinds, inCode };
}

/**
 * The formatting spans of one line outside code blocks: `code`, then *bold*, _italic_ and ~strike~,
 * each opened by a marker at a word's start and closed by the same marker at a word's end. A marker
 * that nothing closes on its line is plain text and blocks nothing.
 */
function markSpans(
	text: string,
	lineStart: number,
	lineEnd: number,
	inCode: Uint8Array,
	block: (start: number, end: number) => void,
): void {
	let lastTick = lineEnd - 1;
	while (lastTick >= lineStart && text[lastTick] !== '`') lastTick--;
	let tick = -1;
	const opened: Record<string, number> = { '*': -1, _: -1, '~': -1 };
	for (let at = lineStart; at < lineEnd; at++) {
		if (inCode[at] || inCode[at + 1]) continue;
		const marker = text[at];
		if (marker === '`') {
			if (tick >= 0) {
				block(tick, at + 1);
				tick = -1;
			} else if (lastTick > at) tick = at;
			continue;
		}
		if (tick >= 0 || !(marker in opened)) continue;
		const previous = at > lineStart ? text.charCodeAt(at - 1) : -1;
		const next = at + 1 < lineEnd ? text.charCodeAt(at + 1) : -1;
		const closes = previous !== -1 && !isSpace(previous) && (next === -1 || !isWordUnit(next));
		const opens = (previous === -1 || !isWordUnit(previous)) && next !== -1 && !isSpace(next);
		if (opened[marker] >= 0 && closes && at > opened[marker] + 1) {
			block(opened[marker], at + 1);
			opened[marker] = -1;
		} else if (opened[marker] < 0 && opens) opened[marker] = at;
	}
}

interface Layout {
	/** Per position: the kind of cut (0–4) and BLOCKED. */
	kinds: Uint8Array;
	/** 1 where a cut falls inside a code block. */
	inCode: Uint8Array;
}

/**
 * Where to cut the stretch from `start` (at most up to `end`): the best kind of cut (paragraph,
 * line, sentence, word) in the second half of the room, the latest of its kind; only when the second
 * half has none, the best of the first half. Inside a formatting span only when nothing else is
 * possible; inside a word only when the stretch is a single word; inside a grapheme cluster only
 * when one cluster is longer than a message.
 */
function chooseCut(text: string, { kinds }: Layout, start: number, end: number): number {
	const middle = start + (end - start) / 2;
	let late = 0;
	let lateKind = 0;
	let early = 0;
	let earlyKind = 0;
	for (let at = end; at > start; at--) {
		const kind = kinds[at];
		if ((kind & 7) === 0 || kind & BLOCKED) continue;
		if (at >= middle) {
			if (kind > lateKind) [late, lateKind] = [at, kind];
		} else if (lateKind > 0) break;
		else if (kind > earlyKind) [early, earlyKind] = [at, kind];
	}
	if (lateKind > 0) return late;
	if (earlyKind > 0) return early;
	for (let at = end; at > start; at--) if (kinds[at] & 7) return at;
	// One word fills the room: cut between grapheme clusters; a cluster longer than a message is cut
	// between code points.
	const edge = latestClusterEdge(text, start, end);
	if (edge > start) return edge;
	return (text.charCodeAt(end - 1) & 0xfc00) === 0xd800 ? end - 1 : end;
}

/** Splits `text` into messages of at most `limit` UTF-16 units each; one message when it fits. */
export function splitText(text: string, limit = 4096): string[] {
	if (limit < SPLIT_RULES.minimum)
		throw new RangeError(`A message must be allowed at least ${SPLIT_RULES.minimum} characters`);
	const source = text.trim();
	if (source.length <= limit) return source === '' ? [] : [source];
	const n = source.length;
	const layout = analyse(source);
	const messages: string[] = [];
	let start = 0;
	let reopenFence = false;
	while (start < n) {
		const prefix = reopenFence ? `${FENCE}\n` : '';
		const room = limit - prefix.length;
		if (n - start <= room) {
			messages.push(prefix + source.slice(start));
			break;
		}
		let cut = chooseCut(source, layout, start, start + room);
		// A cut inside a code block needs room for closing it.
		if (layout.inCode[cut]) cut = chooseCut(source, layout, start, start + room - FENCE.length - 1);
		reopenFence = layout.inCode[cut] === 1;
		messages.push(prefix + source.slice(start, cut).trimEnd() + (reopenFence ? `\n${FENCE}` : ''));
		// The next message starts at its first visible character (a space that carries a combining
		// mark stays with it).
		start = cut;
		while (start < n && isSpace(source.charCodeAt(start)) && breaksAfterSpace(source, start + 1))
			start++;
	}
	return messages.filter((message) => message.trim() !== '');
}
