/**
 * An answer to Send and Wait is never lost, and nothing but the trigger resumes an execution: through
 * n8n-core, with the trigger harness playing n8n's waiting webhooks (its signature check, an
 * execution that no longer waits, a proxy's 503) and giving each delivery its own copy of the static
 * data, written back whole, as n8n does.
 */
import { Dialog360 } from '../../nodes/Dialog360/Dialog360.node';
import { PENDING_RULES } from '../../nodes/Dialog360/domain/pendingWaits';
import {
	answerSignature,
	ANSWER_SIGNATURE,
	decodeWaitToken,
	resumeUrlOf,
} from '../../nodes/Dialog360/domain/waitAnswers';
import { buttonTap, replyButtonsOf, textFrom } from '../fixtures/webhooks';
import { emulatorCredentials } from '../support/n8nCore';
import { MANAGER, MANAGER_WA_ID, useSendAndWait } from '../support/sendAndWait';

const waits = useSendAndWait();
const { fixture, askAndWait, pendingWaits } = waits;
const harness = () => waits.harness;
const deliver = async (body: unknown) => await fixture.emulator.deliver(body);
const resumedTexts = () =>
	harness()
		.resumed.map(({ executionId, items }) => [executionId, items[0].json.text])
		.sort(([a], [b]) => String(a).localeCompare(String(b)));
/** The items the trigger handed to its workflow (status events left out). */
const messagesToWorkflow = () =>
	harness()
		.executions.flat()
		.filter((item) => item.json.kind === 'message');

describe('an answer n8n did not take is delivered again', () => {
	it("a 503 of a proxy to a Free Text answer: 360dialog gets an error, the question stays open, and the redelivery resumes the execution with the question's ID", async () => {
		await askAndWait('501', { to: MANAGER, responseType: 'freeText', message: 'Which day?' });
		const question = fixture.emulator.sent[0];
		expect(await deliver(fixture.emulator.statusDelivery(question.id, 'sent'))).toEqual([200]);
		harness().waitingWebhookFailures.push({
			status: 503,
			body: '<html>Service Unavailable</html>',
		});

		const answer = textFrom('wamid.friday', 'Friday', { waId: MANAGER_WA_ID });
		const [failed] = await deliver(answer);
		expect(failed).toBeGreaterThanOrEqual(500);
		expect(harness().resumed).toHaveLength(0);
		expect(pendingWaits()).toEqual({
			[`p:${MANAGER_WA_ID}`]: [expect.not.objectContaining({ answered: true })],
		});

		// 360dialog delivers the same event again.
		expect(await deliver(answer)).toEqual([200]);
		expect(harness().resumed).toEqual([
			{
				executionId: '501',
				items: [
					{
						json: expect.objectContaining({
							answer: 'text',
							text: 'Friday',
							answerMessageId: 'wamid.friday',
							questionMessageId: question.id,
						}),
					},
				],
			},
		]);
		expect(messagesToWorkflow()).toHaveLength(0);
	});

	it('a tap while n8n says the execution is still running (it is storing the wait): delivered again, then it resumes', async () => {
		await askAndWait('502', { to: MANAGER, responseType: 'approval', message: 'Approve?' });
		const question = fixture.emulator.sent[0];
		const [approve] = replyButtonsOf(question.payload);
		harness().waitingExecutions.delete('502');
		harness().waitingWebhookFailures.push({
			status: 409,
			body: { code: 409, message: 'The execution "502" is running already.' },
		});
		const tap = buttonTap('wamid.tap', approve, { waId: MANAGER_WA_ID }, question.id);
		expect((await deliver(tap))[0]).toBeGreaterThanOrEqual(500);
		harness().waitingExecutions.add('502');
		expect(await deliver(tap)).toEqual([200]);
		expect(harness().resumed.map((entry) => entry.items[0].json.answer)).toEqual(['approve']);
		expect(messagesToWorkflow()).toHaveLength(0);
	});

	it('a plain text for a question whose execution no longer waits is an ordinary message, and closes the question', async () => {
		await askAndWait('503', { to: MANAGER, responseType: 'freeText', message: 'Which day?' });
		const question = fixture.emulator.sent[0];
		await deliver(fixture.emulator.statusDelivery(question.id, 'sent'));
		// The wait timed out in n8n.
		harness().waitingExecutions.delete('503');
		await deliver(textFrom('wamid.hello', 'hello again', { waId: MANAGER_WA_ID }));
		expect(messagesToWorkflow()).toEqual([
			{ json: expect.objectContaining({ text: 'hello again' }) },
		]);
		expect(messagesToWorkflow()[0].json).not.toHaveProperty('waitAnswer');
		expect(pendingWaits()).toEqual({
			[`p:${MANAGER_WA_ID}`]: [expect.objectContaining({ answered: true })],
		});
	});
});

describe('deliveries at once do not overwrite what the trigger knows', () => {
	it('statuses of 12 questions delivered at once, then the 12 answers at once: each execution resumes with its own answer, and later texts are plain messages', async () => {
		const contacts = Array.from({ length: 12 }, (_, index) => `4477009001${10 + index}`);
		for (const [index, contact] of contacts.entries())
			await askAndWait(`6${10 + index}`, {
				to: `+${contact}`,
				responseType: 'freeText',
				message: `Question ${index}?`,
			});
		const questions = fixture.emulator.sent;
		await Promise.all(
			questions.flatMap((question) => [
				deliver(fixture.emulator.statusDelivery(question.id, 'sent')),
				deliver(fixture.emulator.statusDelivery(question.id, 'delivered')),
			]),
		);
		const answered = await Promise.all(
			contacts.map((contact, index) =>
				deliver(textFrom(`wamid.answer${index}`, `answer ${index}`, { waId: contact })),
			),
		);
		expect(answered.flat().every((status) => status === 200)).toBe(true);
		expect(resumedTexts()).toEqual(
			contacts.map((_, index) => [`6${10 + index}`, `answer ${index}`]),
		);
		expect(messagesToWorkflow()).toHaveLength(0);

		await Promise.all(
			contacts.map((contact, index) =>
				deliver(textFrom(`wamid.later${index}`, `later ${index}`, { waId: contact })),
			),
		);
		expect(messagesToWorkflow()).toHaveLength(contacts.length);
		for (const item of messagesToWorkflow()) expect(item.json).not.toHaveProperty('waitAnswer');
	});
});

describe('no wait vanishes unseen', () => {
	it(`a Free Text question beyond ${PENDING_RULES.openPerContact} open ones for a contact: the oldest execution continues with dropped and the reason`, async () => {
		for (let index = 0; index <= PENDING_RULES.openPerContact; index++) {
			await askAndWait(`70${index}`, {
				to: MANAGER,
				responseType: 'freeText',
				message: `Q${index}?`,
			});
			await deliver(fixture.emulator.statusDelivery(fixture.emulator.sent[index].id, 'sent'));
		}
		expect(harness().resumed).toEqual([
			{
				executionId: '700',
				items: [
					{
						json: expect.objectContaining({
							timedOut: false,
							dropped: true,
							reason: expect.stringContaining(
								`More than ${PENDING_RULES.openPerContact} Free Text questions to this contact`,
							),
							answer: null,
							text: null,
							questionMessageId: fixture.emulator.sent[0].id,
						}),
					},
				],
			},
		]);
		await deliver(textFrom('wamid.newest', 'to the newest', { waId: MANAGER_WA_ID }));
		expect(resumedTexts().at(-1)).toEqual([`70${PENDING_RULES.openPerContact}`, 'to the newest']);
	});
});

describe('only the trigger resumes an execution', () => {
	it("the issue's forged POST (the button ID's signature, a made-up body) resumes nothing; the manager's tap still does, with what WhatsApp delivered", async () => {
		await askAndWait('801', { to: MANAGER, responseType: 'approval', message: 'Refund?' });
		const question = fixture.emulator.sent[0];
		const [approve] = replyButtonsOf(question.payload);
		const token = decodeWaitToken(approve.id);
		if (!token) throw new Error('the button carries no wait token');
		const url = resumeUrlOf(harness().waitingBaseUrl, token, MANAGER_WA_ID);
		const made = {
			text: 'forged text',
			contact: { waId: MANAGER_WA_ID, profileName: 'Forged Name' },
			timestamp: null,
			messageId: 'wamid.FORGED',
			questionMessageId: null,
			dropped: null,
		};
		const forge = async (headers: Record<string, string>) =>
			await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify(made),
			});
		expect((await forge({})).status).toBe(401);
		// Signed, but not with the key of this number's credential.
		const guessed = answerSignature('a-guessed-key', {
			executionId: '801',
			nodeId: token.nodeId,
			answer: 'approve',
			contactKey: MANAGER_WA_ID,
			body: { ...made, contact: null },
		});
		expect((await forge({ [ANSWER_SIGNATURE.header]: guessed })).status).toBe(401);
		expect(harness().resumed).toHaveLength(0);
		expect(harness().waitingExecutions.has('801')).toBe(true);

		await deliver(buttonTap('wamid.real', approve, { waId: MANAGER_WA_ID }, question.id));
		expect(harness().resumed).toEqual([
			{
				executionId: '801',
				items: [
					{
						json: expect.objectContaining({
							answer: 'approve',
							answerMessageId: 'wamid.real',
							respondedBy: expect.objectContaining({ profileName: 'Manager' }),
						}),
					},
				],
			},
		]);
	});

	it('a Send and Wait node with another credential than the trigger takes no answer; the tap reaches the workflow saying why', async () => {
		harness().waitNodeCredentials = { ...emulatorCredentials(fixture.baseUrl), apiKey: 'other' };
		await askAndWait('802', { to: MANAGER, responseType: 'approval', message: 'Refund?' });
		const question = fixture.emulator.sent[0];
		const [approve] = replyButtonsOf(question.payload);
		expect(
			await deliver(buttonTap('wamid.tap', approve, { waId: MANAGER_WA_ID }, question.id)),
		).toEqual([200]);
		expect(harness().resumed).toHaveLength(0);
		expect(messagesToWorkflow()[0].json).toMatchObject({
			waitAnswer: {
				resumed: false,
				reason: expect.stringContaining('another 360dialog credential'),
			},
		});
	});
});

describe('the wait limit', () => {
	it('takes whole amounts, at least 1, and says that n8n ends a wait up to a minute late', () => {
		const fields = new Dialog360().description.properties;
		const amount = fields.find((field) => field.name === 'resumeAmount');
		expect(amount?.typeOptions).toEqual({ minValue: 1, numberPrecision: 0 });
		expect(amount?.hint).toContain('up to a minute after');
		expect(fields.find((field) => field.name === 'maxDateAndTime')?.hint).toBe(amount?.hint);
	});
});
