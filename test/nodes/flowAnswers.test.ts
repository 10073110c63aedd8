/**
 * WhatsApp Flows' answers through n8n-core: the trigger reads an nfm_reply into the form's fields,
 * and Send and Wait's Form (WhatsApp Flow) question is resumed by its contact's submission only
 * (the trigger harness plays n8n's waiting webhooks with n8n 2.8's signature check).
 */
import { decodeWaitToken, encodeWaitToken } from '../../nodes/Dialog360/domain/waitAnswers';
import { SAMPLE_FORM_FIELDS } from '../emulator/demo';
import { CONTACT, flowSubmission, flowTokenOf } from '../fixtures/webhooks';
import { MANAGER, MANAGER_WA_ID, useSendAndWait } from '../support/sendAndWait';

const waits = useSendAndWait();
const { fixture, askAndWait, pendingWaits } = waits;
const harness = () => waits.harness;
const deliver = async (body: unknown) => await fixture.emulator.deliver(body);

const LEAD = {
	to: MANAGER,
	responseType: 'form',
	message: 'Tell us about your project',
	flowId: { __rl: true, mode: 'id', value: '1234567890123456' },
	flowCta: 'Open form',
	flowScreen: 'LEAD_FORM',
	flowData: '{ "source": "website" }',
};
const FIELDS = { name: 'Ana Souza', email: 'ana@example.com', interests: ['Demo', 'Pricing'] };

describe('the trigger reads a flow answer', () => {
	it("gives the form's fields as flowResponse, the token as flowToken, and the answered fields as text", async () => {
		expect(
			await deliver(
				flowSubmission('wamid.lead1', 'lead-42', FIELDS, { waId: CONTACT.wa_id }, 'wamid.asked'),
			),
		).toEqual([200]);
		const [item] = harness().executions.flat();
		expect(item.json).toMatchObject({
			kind: 'message',
			flowResponse: FIELDS,
			flowToken: 'lead-42',
			flowName: 'flow',
			text: 'Name: Ana Souza\nEmail: ana@example.com\nInterests: Demo, Pricing',
			contact: expect.objectContaining({ waId: CONTACT.wa_id }),
		});
		expect(item.json).not.toHaveProperty('waitAnswer');
	});

	it('a response_json that is not valid JSON still gives an item, with the raw string and the error', async () => {
		await deliver(
			flowSubmission('wamid.lead2', 't', {}, { waId: CONTACT.wa_id }, 'wamid.asked', '{"name":'),
		);
		const [item] = harness().executions.flat();
		expect(item.json).toMatchObject({
			kind: 'message',
			flowResponseRaw: '{"name":',
			flowResponseError: expect.stringMatching(/^response_json is not valid JSON/),
			flowToken: null,
			text: 'Sent',
		});
		expect(item.json).not.toHaveProperty('flowResponse');
	});
});

describe('Send and Wait for Response: Form (WhatsApp Flow)', () => {
	it('sends a flow message whose token is the signed wait token, and waits within its limit; nothing is kept in memory', async () => {
		const run = await askAndWait('901', {
			...LEAD,
			flowMode: 'draft',
			limitWaitTime: true,
			resumeAmount: 30,
			resumeUnit: 'minutes',
		});
		expect(run.error).toBeUndefined();
		const waitTill = (run.run.waitTill as Date).getTime() - Date.now();
		expect(waitTill).toBeGreaterThan(29 * 60_000);
		expect(waitTill).toBeLessThan(31 * 60_000);
		expect(run.items[0].json).toMatchObject({ timedOut: true, answer: null });
		const [question] = fixture.emulator.sent;
		expect(question.payload).toMatchObject({
			to: MANAGER_WA_ID,
			type: 'interactive',
			interactive: {
				type: 'flow',
				body: { text: 'Tell us about your project' },
				action: {
					name: 'flow',
					parameters: {
						flow_message_version: '3',
						flow_id: '1234567890123456',
						flow_cta: 'Open form',
						mode: 'draft',
						flow_action: 'navigate',
						flow_action_payload: { screen: 'LEAD_FORM', data: { source: 'website' } },
					},
				},
			},
		});
		const token = flowTokenOf(question.payload);
		expect(decodeWaitToken(token)).toMatchObject({
			binding: 'p',
			answer: 'form',
			executionId: '901',
		});
		expect(token.length).toBeLessThanOrEqual(512);
		expect(pendingWaits()).toBeUndefined();
	});

	it("resumes the execution with the contact's fields, once; another contact's submission, a forged token and a second submission resume nothing", async () => {
		await askAndWait('902', LEAD);
		const [question] = fixture.emulator.sent;
		const token = decodeWaitToken(flowTokenOf(question.payload));
		if (!token) throw new Error('no wait token in the flow message');

		// Another contact submits the same form (a forwarded message): n8n's signature check fails.
		await deliver(
			fixture.emulator.flowAnswerDelivery(question.id, FIELDS, { waId: '4915199999999' }),
		);
		// The contact, with a token whose signature was changed.
		const forged = encodeWaitToken({
			...token,
			signature: `${token.signature.slice(0, -1)}${token.signature.endsWith('0') ? '1' : '0'}`,
		});
		await deliver(
			flowSubmission('wamid.forged', forged, FIELDS, { waId: MANAGER_WA_ID }, question.id),
		);
		expect(harness().resumed).toHaveLength(0);
		expect(harness().waitingExecutions.has('902')).toBe(true);
		expect(
			harness()
				.executions.flat()
				.map((item) => item.json.waitAnswer),
		).toEqual([
			{ resumed: false, reason: expect.stringContaining('not from the contact') },
			{ resumed: false, reason: expect.stringContaining('not from the contact') },
		]);

		const answer = fixture.emulator.flowAnswerDelivery(question.id, FIELDS);
		expect(await deliver(answer)).toEqual([200]);
		expect(harness().resumed).toEqual([
			{
				executionId: '902',
				items: [
					{
						json: {
							timedOut: false,
							dropped: false,
							answer: FIELDS,
							approved: null,
							text: 'Name: Ana Souza\nEmail: ana@example.com\nInterests: Demo, Pricing',
							respondedBy: expect.objectContaining({ waId: MANAGER_WA_ID }),
							respondedAt: expect.any(String),
							answerMessageId: expect.stringMatching(/^wamid\.sample\.flow\./),
							questionMessageId: question.id,
						},
					},
				],
			},
		]);
		const emitted = harness().executions.length;

		// A second submission of the same form: nothing waits any longer; the workflow hears why.
		await deliver(fixture.emulator.flowAnswerDelivery(question.id, { name: 'Changed' }));
		expect(harness().resumed).toHaveLength(1);
		expect(harness().executions).toHaveLength(emitted + 1);
		expect(harness().executions.at(-1)?.[0].json).toMatchObject({
			flowResponse: { name: 'Changed' },
			waitAnswer: { resumed: false, reason: expect.stringContaining('No execution waits') },
		});
	});

	it('npm run emulator -- deliver flow answers the last form with the sample lead', async () => {
		await askAndWait('903', { ...LEAD, flowData: '' });
		const [question] = fixture.emulator.sent;
		expect(question.payload).toMatchObject({
			interactive: { action: { parameters: { flow_action_payload: { screen: 'LEAD_FORM' } } } },
		});
		expect(
			(question.payload.interactive as { action: { parameters: { flow_action_payload: object } } })
				.action.parameters.flow_action_payload,
		).not.toHaveProperty('data');
		expect(await fixture.emulator.deliverSample('flow')).toEqual([200]);
		expect(harness().resumed).toEqual([
			{
				executionId: '903',
				items: [{ json: expect.objectContaining({ answer: SAMPLE_FORM_FIELDS }) }],
			},
		]);
	});

	it("refuses what WhatsApp would refuse, naming the editor's fields, before anything is sent", async () => {
		const run = await askAndWait('904', {
			...LEAD,
			message: 'x'.repeat(1025),
			flowId: { __rl: true, mode: 'list', value: 'lead form' },
			flowCta: 'Open the form right now, please!',
			flowScreen: ' ',
			flowData: '{ "source": ',
		});
		const description = String(run.error?.description);
		for (const field of ['Message', 'Flow ID', 'Button Text', 'First Screen', 'Screen Data'])
			expect(description).toMatch(new RegExp(`^• ${field}\\b`, 'm'));
		expect(fixture.emulator.sent).toHaveLength(0);
		const notAnObject = await askAndWait('905', { ...LEAD, flowData: '["website"]' });
		expect(notAnObject.error?.message).toContain('Screen Data must be a JSON object');
		expect(fixture.emulator.sent).toHaveLength(0);
	});
});
