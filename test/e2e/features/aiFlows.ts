/** End-to-end tests. AI flows: the AI agent example, and the action node as an AI Agent tool. */
import { CONTACT, cloudDelivery, MESSAGE_FIXTURES } from '../../fixtures/webhooks';
import { waitFor, successfulExecutions, type E2eContext } from '../harness';

/** The AI agent example and the action node as an AI Agent tool. */
export function aiFlowsTests(ctx: E2eContext): void {
	const { mode, emulator, runToolTest } = ctx;

	it('example AI agent: three messages within the window make one answer, in WhatsApp formatting, after marking read with typing', async () => {
		const ids = ['wamid.ai1', 'wamid.ai2', 'wamid.ai3'];
		const bodies = ['hi', 'I need', 'help with my order'];
		const answers: number[] = [];
		for (const [index, id] of ids.entries())
			answers.push(
				...(await emulator.deliver(
					cloudDelivery({
						contacts: [CONTACT],
						messages: [{ ...MESSAGE_FIXTURES.text, id, text: { body: bodies[index] } }],
					}),
					{
						url: ctx.aiAgentDestination?.url ?? '',
						headers: ctx.aiAgentDestination?.headers ?? {},
					},
				)),
			);
		expect(answers).toEqual([200, 200, 200]);
		const reply = await waitFor(() =>
			emulator.sent.find(
				(message) =>
					(message.payload.context as { message_id?: string } | undefined)?.message_id ===
					'wamid.ai3',
			),
		);
		expect(reply?.payload).toMatchObject({
			to: CONTACT.wa_id,
			text: { body: '*Thanks!* You wrote:\n\nhi\nI need\nhelp with my order' },
		});
		const requests = emulator.requestsTo('POST', '/messages').map((request) => request.body);
		const read = requests.findIndex(
			(body) =>
				(body as { message_id?: string }).message_id === 'wamid.ai3' &&
				(body as { typing_indicator?: unknown }).typing_indicator !== undefined,
		);
		const answer = requests.findIndex(
			(body) => (body as { context?: { message_id?: string } }).context?.message_id === 'wamid.ai3',
		);
		expect(read).toBeGreaterThanOrEqual(0);
		expect(read).toBeLessThan(answer);
		const executions = await successfulExecutions(ctx.n8n, 'exampleAiAgentReply');
		expect(executions).toHaveLength(1);
		// After the window, a message starts an execution of its own.
		await emulator.deliver(
			cloudDelivery({
				contacts: [CONTACT],
				messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.ai4', text: { body: 'thanks' } }],
			}),
			{ url: ctx.aiAgentDestination?.url ?? '', headers: ctx.aiAgentDestination?.headers ?? {} },
		);
		const second = await waitFor(() =>
			emulator.sent.find(
				(message) =>
					(message.payload.context as { message_id?: string } | undefined)?.message_id ===
					'wamid.ai4',
			),
		);
		expect(second?.payload).toMatchObject({ text: { body: '*Thanks!* You wrote:\n\nthanks' } });
		expect(
			emulator.sent.filter((message) =>
				ids.includes(
					String((message.payload.context as { message_id?: string } | undefined)?.message_id),
				),
			),
		).toHaveLength(1);
	});

	// n8n's "test tool" run needs the main process: a worker's job carries no agentRequest (n8n's
	// scaling/job-processor drops it), so in queue mode the check runs in regular mode only.
	(mode === 'regular' ? it : it.skip)(
		'the action node works as an AI Agent tool: $fromAI arguments, run without a language model',
		async () => {
			const run = await runToolTest('smokeAgentTool01', 'Reply_on_WhatsApp', {
				query: {
					Reply_on_WhatsApp: { to: '+49 151 12345678', text: 'Your **order** ships today' },
				},
				tool: { name: '' },
			});
			expect(run.status).toBe(200);
			const sent = await waitFor(() =>
				emulator.sent.find(
					(message) =>
						(message.payload.text as { body?: string } | undefined)?.body ===
						'Your *order* ships today',
				),
			);
			expect(sent?.payload).toMatchObject({ to: '4915112345678', type: 'text' });
		},
	);
}
