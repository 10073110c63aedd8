/**
 * A text longer than one WhatsApp message, cut into messages that each keep within the limit: at a
 * paragraph if one ends close enough, else at a line, a sentence, a word; never inside a URL or a
 * formatting span (*bold*, _italic_, ~strike~, `code`), and a code block cut in two is closed and
 * opened again. Lengths count characters as WhatsApp does (code points), so no emoji is cut in half.
 */

export const SPLIT_RULES = {
	/** Less room than this cannot keep a code block's fences and a word together. */
	minimum: 16,
};

const FENCE = '```';

/** Code-point positions of the text that are inside a URL, where no cut may fall. */
function urlRanges(points: string[]): Array<[number, number]> {
	const text = points.join('');
	const ranges: Array<[number, number]> = [];
	for (const match of text.matchAll(/\bhttps?:\/\/\S+/g)) {
		const start = Array.from(text.slice(0, match.index)).length;
		ranges.push([start, start + Array.from(match[0]).length]);
	}
	return ranges;
}

/** Whether the inline markers before `at` in its line are all closed (a cut there splits no span). */
function spansClosed(points: string[], lineStart: number, at: number): boolean {
	const line = points.slice(lineStart, at).join('');
	const withoutCode = line.replace(/`[^`]*`/g, '');
	if ((withoutCode.match(/`/g) ?? []).length % 2 === 1) return false;
	for (const marker of ['*', '_', '~']) {
		// Only markers that open or close a span count: at a word edge, not inside snake_case.
		const pattern = new RegExp(`(^|\\W)\\${marker}(?=\\S)|(?<=\\S)\\${marker}(\\W|$)`, 'g');
		if ((withoutCode.match(pattern) ?? []).length % 2 === 1) return false;
	}
	return true;
}

/**
 * Where to cut: the best kind of boundary (paragraph, line, sentence, word) in the second half of
 * the room, the latest of its kind; only when the second half has none, the best of the first half;
 * only when there is no boundary at all, at the limit.
 */
function bestCut(points: string[], limit: number, inCode: (at: number) => boolean): number {
	const urls = urlRanges(points.slice(0, limit + 1));
	const inUrl = (at: number) => urls.some(([start, end]) => at > start && at < end);
	let best: [secondHalf: number, rank: number, at: number] | undefined;
	let lineStart = 0;
	for (let at = 1; at <= Math.min(limit, points.length - 1); at++) {
		if (points[at - 1] === '\n') lineStart = at;
		const before = points[at - 1];
		const after = points[at];
		let rank = 0;
		if (before === '\n' && points[at - 2] === '\n') rank = 4;
		else if (before === '\n') rank = 3;
		else if (/\s/.test(after) && /[.!?…]/.test(before)) rank = 2;
		else if (/\s/.test(after) || /\s/.test(before)) rank = 1;
		if (rank === 0 || inUrl(at)) continue;
		if (!inCode(at) && !spansClosed(points, lineStart, at)) continue;
		const candidate: [number, number, number] = [at >= limit / 2 ? 1 : 0, rank, at];
		if (!best || candidate[0] > best[0] || (candidate[0] === best[0] && candidate[1] >= best[1]))
			best = candidate;
	}
	return best?.[2] ?? limit;
}

/** Splits `text` into messages of at most `limit` characters each; one message when it fits. */
export function splitText(text: string, limit = 4096): string[] {
	if (limit < SPLIT_RULES.minimum)
		throw new RangeError(`A message must be allowed at least ${SPLIT_RULES.minimum} characters`);
	const messages: string[] = [];
	let points = Array.from(text.trim());
	let reopenFence = false;
	while (points.length > 0) {
		if (reopenFence) points = [...FENCE, '\n', ...points];
		if (points.length <= limit) {
			messages.push(points.join(''));
			break;
		}
		// Fences before each position tell whether a cut falls inside a code block.
		const fenceCount: number[] = [0];
		for (let at = 1; at <= points.length; at++)
			fenceCount[at] =
				fenceCount[at - 1] + (points.slice(at - 3, at).join('') === FENCE && at >= 3 ? 1 : 0);
		const inCode = (at: number) => fenceCount[at] % 2 === 1;
		let cut = bestCut(points, limit, inCode);
		// A cut inside a code block needs room for closing it.
		if (inCode(cut)) cut = bestCut(points, limit - FENCE.length - 1, inCode);
		let head = points.slice(0, cut).join('').trimEnd();
		reopenFence = inCode(cut);
		if (reopenFence) head = `${head}\n${FENCE}`;
		messages.push(head);
		points = Array.from(points.slice(cut).join('').trimStart());
	}
	return messages.filter((message) => message.trim() !== '');
}
