/**
 * Send and Wait for Response through n8n-core: the question the action node sends and the execution
 * it puts to wait, and the answer the trigger hands to n8n's waiting webhook (played by the trigger
 * harness with n8n 2.8's signature check) and the action node's webhook() reads.
 */
import { decodeWaitToken } from '../../nodes/Dialog360/domain/waitAnswers';
import { buttonTap, replyButtonsOf, textFrom, USER_ID } from '../fixtures/webhooks';
import { MANAGER, MANAGER_WA_ID, useSendAndWait } from '../support/sendAndWait';

const waits = useSendAndWait();
const { fixture, askAndWait, pendingWaits } = waits;

describe('Send and Wait for Response: Approval', () => {
	it('sends the question with signed reply buttons bound to the recipient and waits; a timeout gives timedOut', async () => {
		const run = await askAndWait('101', {
			to: MANAGER,
			responseType: 'approval',
			message: 'Refund 25.00 EUR for order #1042?',
			limitWaitTime: true,
			limitType: 'afterTimeInterval',
			resumeAmount: 2,
			resumeUnit: 'hours',
		});
		expect(run.error).toBeUndefined();
		const waitTill = run.run.waitTill as Date;
		expect(waitTill.getTime() - Date.now()).toBeGreaterThan(119 * 60_000);
		expect(waitTill.getTime() - Date.now()).toBeLessThan(121 * 60_000);
		// What the execution continues with if nobody answers in time.
		expect(run.items[0].json).toMatchObject({ timedOut: true, answer: null, approved: null });
		const [question] = fixture.emulator.sent;
		expect(question.payload).toMatchObject({
			to: MANAGER_WA_ID,
			type: 'interactive',
			interactive: { type: 'button', body: { text: 'Refund 25.00 EUR for order #1042?' } },
		});
		const buttons = replyButtonsOf(question.payload);
		expect(buttons.map((button) => button.title)).toEqual(['✓ Approve', '✗ Decline']);
		const tokens = buttons.map((button) => decodeWaitToken(button.id));
		expect(tokens).toEqual([
			expect.objectContaining({
				binding: 'p',
				answer: 'approve',
				executionId: '101',
				nodeId: 'node',
			}),
			expect.objectContaining({
				binding: 'p',
				answer: 'decline',
				executionId: '101',
				nodeId: 'node',
			}),
		]);
		expect(buttons.every((button) => button.id.length <= 256)).toBe(true);
	});

	it("resumes the execution with the manager's tap, once; another contact's tap and a repeated tap resume nothing and reach the workflow saying why", async () => {
		await askAndWait('102', { to: MANAGER, responseType: 'approval', message: 'Approve?' });
		const question = fixture.emulator.sent[0];
		const [approve, decline] = replyButtonsOf(question.payload);

		await fixture.emulator.deliver(
			buttonTap('wamid.other', approve, { waId: '4915199999999' }, question.id),
		);
		expect(waits.harness.resumed).toHaveLength(0);
		expect(waits.harness.executions.at(-1)?.[0].json).toMatchObject({
			kind: 'message',
			waitAnswer: { resumed: false, reason: expect.stringContaining('not from the contact') },
		});

		await fixture.emulator.deliver(
			buttonTap('wamid.tap', decline, { waId: MANAGER_WA_ID }, question.id),
		);
		expect(waits.harness.resumed).toEqual([
			{
				executionId: '102',
				items: [
					{
						json: {
							timedOut: false,
							dropped: false,
							answer: 'decline',
							approved: false,
							text: '✗ Decline',
							respondedBy: expect.objectContaining({
								waId: MANAGER_WA_ID,
								phoneNumber: '+447700900123',
							}),
							respondedAt: expect.any(String),
							answerMessageId: 'wamid.tap',
							questionMessageId: question.id,
						},
					},
				],
			},
		]);
		const emitted = waits.harness.executions.length;

		await fixture.emulator.deliver(
			buttonTap('wamid.tap2', approve, { waId: MANAGER_WA_ID }, question.id),
		);
		expect(waits.harness.resumed).toHaveLength(1);
		expect(waits.harness.executions).toHaveLength(emitted + 1);
		expect(waits.harness.executions.at(-1)?.[0].json).toMatchObject({
			waitAnswer: { resumed: false, reason: expect.stringContaining('No execution waits') },
		});
	});

	it('a time limit at a date: a date is taken, anything else is refused with the field named, before anything is sent', async () => {
		const limit = { limitWaitTime: true, limitType: 'atSpecifiedTime' };
		const bad = await askAndWait('104', {
			to: MANAGER,
			responseType: 'approval',
			message: 'Approve?',
			...limit,
			maxDateAndTime: 'next Friday-ish',
		});
		expect(bad.error?.message).toBe(
			'Max Date and Time is not a date: pick a date and time, or an expression that gives one',
		);
		expect(fixture.emulator.sent).toHaveLength(0);
		const good = await askAndWait('105', {
			to: MANAGER,
			responseType: 'approval',
			message: 'Approve?',
			...limit,
			maxDateAndTime: '2030-01-31T17:00:00Z',
		});
		expect(good.error).toBeUndefined();
		expect((good.run.waitTill as Date).toISOString()).toBe('2030-01-31T17:00:00.000Z');
		expect(fixture.emulator.sent).toHaveLength(1);
	});

	it('refuses labels WhatsApp would refuse, naming the field, before anything is sent', async () => {
		const run = await askAndWait('103', {
			to: MANAGER,
			responseType: 'approval',
			message: 'Approve?',
			approveLabel: 'Yes, refund the whole order now',
			declineLabel: 'Yes, refund the whole order now',
		});
		const lines = String(run.error?.description).split('\n');
		expect(lines).toEqual(
			expect.arrayContaining([
				'• Approve Button Label must be at most 20 characters (got 31)',
				'• Decline Button Label must be at most 20 characters (got 31)',
				expect.stringMatching(/^• Approve Button Label and Decline Button Label must differ/),
			]),
		);
		expect(fixture.emulator.sent).toHaveLength(0);
	});
});

describe('Send and Wait for Response: Free Text', () => {
	it("to a user ID: the question's status tells the trigger, the contact's next text resumes the execution and starts no workflow", async () => {
		await askAndWait('201', {
			to: USER_ID,
			responseType: 'freeText',
			message: 'Which day suits you?',
		});
		const question = fixture.emulator.sent[0];
		expect(question.payload).toMatchObject({ recipient: USER_ID, type: 'text' });
		expect(decodeWaitToken(question.payload.biz_opaque_callback_data)).toMatchObject({
			binding: 'u',
			answer: 'text',
			executionId: '201',
		});
		await fixture.emulator.deliver(fixture.emulator.statusDelivery(question.id, 'sent'));
		expect(Object.keys(pendingWaits() ?? {})).toEqual([`u:${USER_ID}`]);
		const before = waits.harness.executions.length;

		await fixture.emulator.deliver(textFrom('wamid.answer', 'Friday', { userId: USER_ID }));
		expect(waits.harness.resumed).toEqual([
			{
				executionId: '201',
				items: [
					{
						json: expect.objectContaining({
							answer: 'text',
							approved: null,
							text: 'Friday',
							respondedBy: expect.objectContaining({ userId: USER_ID }),
						}),
					},
				],
			},
		]);
		expect(waits.harness.executions).toHaveLength(before);
		expect(pendingWaits()).toEqual({
			[`u:${USER_ID}`]: [expect.objectContaining({ messageId: question.id, answered: true })],
		});

		// The next text is an ordinary message again.
		await fixture.emulator.deliver(textFrom('wamid.later', 'thanks', { userId: USER_ID }));
		expect(waits.harness.executions).toHaveLength(before + 1);
		expect(waits.harness.executions.at(-1)?.[0].json).not.toHaveProperty('waitAnswer');
	});

	it('two questions waiting on one contact: a reply to a question answers that one, a plain text the newest', async () => {
		await askAndWait('301', { to: MANAGER, responseType: 'freeText', message: 'First question?' });
		await askAndWait('302', { to: MANAGER, responseType: 'freeText', message: 'Second question?' });
		const [first, second] = fixture.emulator.sent;
		for (const question of [first, second])
			await fixture.emulator.deliver(fixture.emulator.statusDelivery(question.id, 'delivered'));

		await fixture.emulator.deliver(
			textFrom('wamid.r1', 'to the first', { waId: MANAGER_WA_ID }, first.id),
		);
		await fixture.emulator.deliver(textFrom('wamid.r2', 'plain text', { waId: MANAGER_WA_ID }));
		expect(
			waits.harness.resumed.map(({ executionId, items }) => [executionId, items[0].json.text]),
		).toEqual([
			['301', 'to the first'],
			['302', 'plain text'],
		]);
	});

	it('statuses out of order: a late status of an older question does not make it the newest, and one of an answered question does not reopen it', async () => {
		await askAndWait('401', { to: MANAGER, responseType: 'freeText', message: 'First question?' });
		await askAndWait('402', { to: MANAGER, responseType: 'freeText', message: 'Second question?' });
		const [first, second] = fixture.emulator.sent;
		await fixture.emulator.deliver(fixture.emulator.statusDelivery(first.id, 'sent'));
		await fixture.emulator.deliver(fixture.emulator.statusDelivery(second.id, 'sent'));
		await fixture.emulator.deliver(fixture.emulator.statusDelivery(first.id, 'read'));

		await fixture.emulator.deliver(textFrom('wamid.a1', 'answer one', { waId: MANAGER_WA_ID }));
		await fixture.emulator.deliver(fixture.emulator.statusDelivery(second.id, 'read'));
		await fixture.emulator.deliver(textFrom('wamid.a2', 'answer two', { waId: MANAGER_WA_ID }));
		expect(
			waits.harness.resumed.map(({ executionId, items }) => [executionId, items[0].json.text]),
		).toEqual([
			['402', 'answer one'],
			['401', 'answer two'],
		]);
		const before = waits.harness.executions.length;
		await fixture.emulator.deliver(fixture.emulator.statusDelivery(first.id, 'read'));
		await fixture.emulator.deliver(textFrom('wamid.a3', 'just chatting', { waId: MANAGER_WA_ID }));
		expect(waits.harness.resumed).toHaveLength(2);
		expect(waits.harness.executions.at(-1)?.[0].json).toMatchObject({
			kind: 'message',
			text: 'just chatting',
		});
		expect(waits.harness.executions.at(-1)?.[0].json).not.toHaveProperty('waitAnswer');
		expect(waits.harness.executions.length).toBeGreaterThan(before);
	});
});
