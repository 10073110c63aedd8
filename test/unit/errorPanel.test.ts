/**
 * What n8n's error panel shows for an error whose description has several lines: n8n renders the
 * description as HTML (newlines collapse) unless the context carries a `descriptionTemplate`.
 */
import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { withPanelDescription } from '../../nodes/Dialog360/transport/errors';

const node: INode = {
	id: '1',
	name: '360dialog WhatsApp',
	type: 'n8n-nodes-360dialog.dialog360',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('the error panel description', () => {
	it('lists "• " lines, keeps other lines as paragraphs, escapes what HTML would read', () => {
		const error = withPanelDescription(
			new NodeOperationError(node, 'The WhatsApp message breaks 2 rules', {
				description:
					'• Text must be at most 4096 characters (got 5000)\n• Button 1 <b> & "x" is too long\nNothing was sent.\n\nAlready done before the run stopped, do not send again: item 0.',
			}),
		);
		expect(error.context.descriptionTemplate).toBe(
			'<ul><li>Text must be at most 4096 characters (got 5000)</li><li>Button 1 &lt;b&gt; &amp; "x" is too long</li></ul><p>Nothing was sent.</p><p>Already done before the run stopped, do not send again: item 0.</p>',
		);
		// The description itself stays text, one line each, for items under Continue On Fail.
		expect(error.description?.split('\n')[0]).toBe(
			'• Text must be at most 4096 characters (got 5000)',
		);
	});

	it('leaves a one-line description to n8n, and works for API errors', () => {
		const single = withPanelDescription(
			new NodeOperationError(node, 'Text must be at most 4096 characters (got 5000)', {
				description: 'Nothing was sent.',
			}),
		);
		expect(single.context.descriptionTemplate).toBeUndefined();
		const api = withPanelDescription(
			new NodeApiError(node, { message: 'x' }, { description: 'first\nsecond' }),
		);
		expect(api.context.descriptionTemplate).toBe('<p>first</p><p>second</p>');
	});
});
