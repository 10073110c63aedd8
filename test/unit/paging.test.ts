/** Meta's cursor paging as 360dialog passes it on, and the flow list's pages. */
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
