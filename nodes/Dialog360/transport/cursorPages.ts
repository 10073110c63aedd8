/**
 * Reads a list that 360dialog passes on with Meta's cursor paging (domain/paging.ts), page after page.
 * It ends on the last page, once `max` entries are read, on an empty page (Meta may name a next page
 * after an empty one), or on a cursor seen before, and after `maxPages` pages at most: a cursor that
 * never ends cannot keep a node running.
 */
export interface CursorPage<T> {
	entries: T[];
	/** The cursor of the next page; null or undefined on the last page. */
	after?: string | null;
}

export async function readCursorPages<T>(
	readPage: (after: string | undefined, wanted: number) => Promise<CursorPage<T>>,
	{ max = Infinity, maxPages = 1_000 }: { max?: number; maxPages?: number } = {},
): Promise<T[]> {
	const found: T[] = [];
	const seen = new Set<string>();
	let after: string | undefined;
	for (let page = 0; page < maxPages && found.length < max; page++) {
		const read = await readPage(after, max - found.length);
		found.push(...read.entries.slice(0, max - found.length));
		if (!read.after || read.entries.length === 0 || seen.has(read.after)) break;
		seen.add(read.after);
		after = read.after;
	}
	return found;
}
