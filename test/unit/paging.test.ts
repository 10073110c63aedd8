/** Meta's cursor paging as 360dialog passes it on, and the flow list's pages. */
import { readCursorPages } from '../../nodes/Dialog360/transport/cursorPages';
import { readFlowPage } from '../../nodes/Dialog360/domain/flows';
import { nextPageCursor } from '../../nodes/Dialog360/domain/paging';

describe('nextPageCursor', () => {
	it('gives the after cursor only when Meta names a next page', () => {
		const paging = { cursors: { before: 'B', after: 'A' } };
		expect(
			nextPageCursor({ data: [], paging: { ...paging, next: 'https://x/flows?after=A' } }),
		).toBe('A');
		expect(nextPageCursor({ data: [], paging })).toBeNull();
		expect(nextPageCursor({ data: [], paging: { next: 'https://x/flows' } })).toBeNull();
		for (const body of [undefined, null, 'text', [], { paging: 'x' }])
			expect(nextPageCursor(body)).toBeNull();
	});
});

describe('readFlowPage', () => {
	it('reads the flows of a page and its next cursor, and refuses an answer without a data list', () => {
		const flow = { id: '1', name: 'lead_form', status: 'PUBLISHED', categories: [] };
		expect(
			readFlowPage({
				data: [flow, 'junk', null],
				paging: { cursors: { after: 'A' }, next: 'https://x/flows?after=A' },
			}),
		).toEqual({ flows: [flow], after: 'A' });
		expect(() => readFlowPage({ flows: [flow] })).toThrow(
			'The flow list answer has no "data" list',
		);
	});
});

describe('readCursorPages', () => {
	/** Pages of two entries each; `cursors[n]` is the cursor page n names for the next one. */
	const pages = (cursors: Array<string | null>) => {
		const asked: Array<string | undefined> = [];
		const read = async (after: string | undefined) => {
			asked.push(after);
			const index = after === undefined ? 0 : Number(after.split('-')[1]);
			return { entries: [`${index}a`, `${index}b`], after: cursors[index] };
		};
		return { asked, read };
	};

	it('reads every page up to the last one, in order', async () => {
		const { asked, read } = pages(['c-1', 'c-2', null]);
		expect(await readCursorPages(read)).toEqual(['0a', '0b', '1a', '1b', '2a', '2b']);
		expect(asked).toEqual([undefined, 'c-1', 'c-2']);
	});

	it('stops at a cursor it has seen before, at max entries, and after maxPages pages', async () => {
		// Page 1 names itself again: a cursor that never ends.
		const looping = pages(['c-1', 'c-1']);
		expect(await readCursorPages(looping.read)).toEqual(['0a', '0b', '1a', '1b']);
		expect(looping.asked).toEqual([undefined, 'c-1']);
		expect(await readCursorPages(pages(['c-1', 'c-2', null]).read, { max: 3 })).toEqual([
			'0a',
			'0b',
			'1a',
		]);
		const capped = pages(['c-1', 'c-2', 'c-3', null]);
		expect(await readCursorPages(capped.read, { maxPages: 2 })).toHaveLength(4);
		expect(capped.asked).toHaveLength(2);
	});

	it('an empty page ends the list even when it names a next one', async () => {
		let calls = 0;
		const read = async () => {
			calls++;
			return { entries: [] as string[], after: 'c-1' };
		};
		expect(await readCursorPages(read)).toEqual([]);
		expect(calls).toBe(1);
	});
});
