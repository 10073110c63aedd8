/** End-to-end tests. WhatsApp Flows: the trigger reads a flow's answer, and the lead form example (Send and Wait with a form). */
import { decodeWaitToken, encodeWaitToken } from '../../../nodes/Dialog360/domain/waitAnswers';
import { SAMPLE_FORM_FIELDS } from '../../emulator/demo';
import { CONTACT, flowSubmission, flowTokenOf } from '../../fixtures/webhooks';
import {
	callWebhook,
	nodeOutput,
	publicApi,
	successfulExecutions,
	waitFor,
	type E2eContext,
} from '../harness';

const LEAD_PHONE = '+49 151 12345678';

export function flowsTests(ctx: E2eContext): void {
	const { emulator, deliverAnswer, executionsOf } = ctx;

	it("the trigger reads a flow's answer: the fields as flowResponse, the token, a text of the fields; broken JSON still gives an item", async () => {
		const target = {
			url: ctx.atOnceDestination?.url ?? '',
			headers: ctx.atOnceDestination?.headers ?? {},
		};
		const before = await publicApi<{ data: Array<{ id: string }> }>(
			ctx.n8n,
			'/executions?workflowId=smokeTriggerNow1',
		);
		const known = new Set(before.data.map((execution) => execution.id));
		const answer = flowSubmission(
			'wamid.e2eFlow1',
			'survey-7',
			{ first_name: 'Ana', rating: 5, topics: ['Price', 'Speed'] },
			{ waId: CONTACT.wa_id },
			'wamid.asked',
		);
		const broken = flowSubmission(
			'wamid.e2eFlow2',
			'x',
			{},
			{ waId: CONTACT.wa_id },
			'wamid.asked',
			'{"first_name": Ana',
		);
		expect(await emulator.deliver(answer, target)).toEqual([200]);
		expect(await emulator.deliver(broken, target)).toEqual([200]);
		const runs = await waitFor(async () => {
			const list = await publicApi<{ data: Array<{ id: string; status: string }> }>(
				ctx.n8n,
				'/executions?workflowId=smokeTriggerNow1',
			);
			const fresh = list.data.filter((execution) => !known.has(execution.id));
			return fresh.length === 2 && fresh.every((run) => run.status === 'success')
				? fresh
				: undefined;
		});
		expect(runs).toHaveLength(2);
		const items = (
			await Promise.all(
				(runs ?? []).map(
					async (run) =>
						await nodeOutput<Record<string, unknown>>(ctx.n8n, run.id, 'On WhatsApp message'),
				),
			)
		).flat();
		const byId = (id: string) =>
			items.find((item) => (item.json.message as { id?: string }).id === id)?.json;
		expect(byId('wamid.e2eFlow1')).toMatchObject({
			kind: 'message',
			flowResponse: { first_name: 'Ana', rating: 5, topics: ['Price', 'Speed'] },
			flowToken: 'survey-7',
			flowName: 'flow',
			text: 'First name: Ana\nRating: 5\nTopics: Price, Speed',
		});
		expect(byId('wamid.e2eFlow2')).toMatchObject({
			kind: 'message',
			flowResponseRaw: '{"first_name": Ana',
			flowResponseError: expect.stringContaining('not valid JSON'),
			flowToken: null,
		});
	});

	it("example lead form: the contact's submitted form resumes the waiting execution with its fields; another contact's submission, a forged token and a second submission resume nothing", async () => {
		expect(ctx.answersDestination).toBeDefined();
		const started = await callWebhook(`${ctx.n8n.webhookUrl}/webhook/lead-form`, {
			phone: LEAD_PHONE,
			source: 'the website',
		});
		expect(started.status).toBe(200);
		const question = await waitFor(() =>
			emulator.sent.find(
				(message) =>
					message.to === '4915112345678' &&
					(message.payload.interactive as { type?: string } | undefined)?.type === 'flow',
			),
		);
		if (!question) throw new Error('the lead form was not sent');
		expect(question.payload).toMatchObject({
			interactive: {
				action: {
					parameters: {
						flow_id: '1234567890123456',
						flow_cta: 'Open the form',
						flow_action_payload: { screen: 'LEAD_FORM' },
					},
				},
			},
		});
		const token = decodeWaitToken(flowTokenOf(question.payload));
		if (!token) throw new Error('the flow token is not a wait token');
		expect(
			await waitFor(async () =>
				(await executionsOf('exampleLeadForm1', 'waiting')).length === 1 ? true : undefined,
			),
		).toBe(true);
		const thanks = () =>
			emulator.sent.filter((message) =>
				String((message.payload.text as { body?: string } | undefined)?.body).startsWith(
					'Thank you,',
				),
			);

		// Another contact submits the form (a forwarded message), and the contact sends a token whose
		// signature was changed: n8n's signature check fails for both.
		expect(
			await deliverAnswer(
				emulator.flowAnswerDelivery(question.id, SAMPLE_FORM_FIELDS, { waId: '4915199999999' }),
			),
		).toEqual([200]);
		const forged = encodeWaitToken({
			...token,
			signature: `${token.signature.slice(0, -1)}${token.signature.endsWith('0') ? '1' : '0'}`,
		});
		expect(
			await deliverAnswer(
				flowSubmission(
					'wamid.leadForged',
					forged,
					SAMPLE_FORM_FIELDS,
					{ waId: '4915112345678' },
					question.id,
				),
			),
		).toEqual([200]);
		expect(await executionsOf('exampleLeadForm1', 'waiting')).toHaveLength(1);
		expect(thanks()).toHaveLength(0);

		// The contact submits the form: the execution resumes with the fields and thanks them.
		expect(
			await deliverAnswer(emulator.flowAnswerDelivery(question.id, SAMPLE_FORM_FIELDS)),
		).toEqual([200]);
		const told = await waitFor(() => (thanks().length ? thanks() : undefined));
		expect(told?.[0]).toMatchObject({ to: '4915112345678' });
		expect((told?.[0].payload.text as { body: string }).body).toBe(
			'Thank you, Ana Souza! We will write to ana@example.com within one working day.',
		);
		const executions = await successfulExecutions(ctx.n8n, 'exampleLeadForm1');
		expect(executions).toHaveLength(1);
		const [answer] = await nodeOutput<Record<string, unknown>>(
			ctx.n8n,
			executions?.[0].id,
			'Ask for the Form',
		);
		expect(answer.json).toMatchObject({
			timedOut: false,
			answer: SAMPLE_FORM_FIELDS,
			approved: null,
			text: 'Name: Ana Souza\nEmail: ana@example.com\nCompany: Acme Ltd\nInterest: Demo',
			respondedBy: { waId: '4915112345678', phoneNumber: '+4915112345678' },
			questionMessageId: question.id,
		});
		const [lead] = await nodeOutput<Record<string, unknown>>(ctx.n8n, executions?.[0].id, 'Lead');
		expect(lead.json).toMatchObject({
			name: 'Ana Souza',
			email: 'ana@example.com',
			company: 'Acme Ltd',
			interest: 'Demo',
			phone: '+4915112345678',
		});

		// A second submission of the same form resumes nothing.
		expect(
			await deliverAnswer(emulator.flowAnswerDelivery(question.id, { name: 'Again' })),
		).toEqual([200]);
		expect(thanks()).toHaveLength(1);
		expect(await successfulExecutions(ctx.n8n, 'exampleLeadForm1')).toHaveLength(1);
		expect(await executionsOf('exampleLeadForm1', 'waiting')).toHaveLength(0);
	});
}
