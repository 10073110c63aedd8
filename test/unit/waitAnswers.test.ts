import { createHmac } from 'node:crypto';

import fc from 'fast-check';

import { readRecipientId } from '../../nodes/Dialog360/domain/identity';
import {
	answererKey,
	answerSignature,
	answerSignatureMatches,
	bindingOf,
	decodeWaitToken,
	encodeWaitToken,
	readAnswerBody,
	resumeOutcome,
	resumeUrlOf,
	signedQuery,
	UNSIGNED_ANSWER_ERROR,
	WAIT_RULES,
	type SignedAnswer,
	type WaitToken,
} from '../../nodes/Dialog360/domain/waitAnswers';
import type { WebhookContact } from '../../nodes/Dialog360/domain/identity';

const contact = (ids: Partial<WebhookContact>): WebhookContact => ({
	key: null,
	address: null,
	userId: null,
	parentUserId: null,
	username: null,
	phoneNumber: null,
	waId: null,
	profileName: null,
	...ids,
});

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const idPart = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const token = fc.record<WaitToken>({
	binding: fc.constantFrom('p', 'u', 'P'),
	answer: fc.constantFrom('approve', 'decline', 'text', 'form'),
	executionId: idPart,
	nodeId: idPart,
	signature: hex64,
});

describe('wait tokens', () => {
	it('read back what was written, and fit in a reply button ID with a UUID node and a long execution ID', () => {
		fc.assert(
			fc.property(token, (written) =>
				expect(decodeWaitToken(encodeWaitToken(written))).toEqual(written),
			),
		);
		const longest = encodeWaitToken({
			binding: 'P',
			answer: 'decline',
			executionId: '9'.repeat(20),
			nodeId: 'd1000000-0000-4000-8000-000000000002',
			signature: 'f'.repeat(64),
		});
		expect(longest.length).toBeLessThanOrEqual(256);
	});

	it('refuse anything that is not a whole token: other button IDs, a changed part, extra text', () => {
		fc.assert(
			fc.property(
				token,
				fc.nat(),
				fc.string({ minLength: 1, maxLength: 3 }),
				(written, at, noise) => {
					const text = encodeWaitToken(written);
					const cut = at % text.length;
					const changed =
						text.slice(0, cut) + noise.replace(/[A-Za-z0-9_:-]/g, '!') + text.slice(cut + 1);
					if (changed !== text) expect(decodeWaitToken(changed)).toBeUndefined();
					expect(decodeWaitToken(`${text} `)).toBeUndefined();
				},
			),
		);
		for (const other of [
			'yes',
			'n8nwait',
			`${WAIT_RULES.prefix}:x:a:1:n:${'0'.repeat(64)}`,
			42,
			null,
		])
			expect(decodeWaitToken(other)).toBeUndefined();
	});
});

describe('who may answer', () => {
	it('binds a phone recipient by its digits with the Brazilian legacy form folded, a user ID as it is', () => {
		const brazil = bindingOf(readRecipientId('+55 11 98765-4321'));
		expect(brazil.binding).toBe('p');
		expect(answererKey('p', contact({ waId: '551187654321' }))).toBe(brazil.key);
		expect(answererKey('p', contact({ waId: '5511987654321' }))).toBe(brazil.key);
		expect(bindingOf(readRecipientId('DE.8827364519203746'))).toEqual({
			binding: 'u',
			key: 'DE.8827364519203746',
		});
		expect(bindingOf(readRecipientId('US.ENT.11815799212886844830')).binding).toBe('P');
		expect(answererKey('u', contact({ waId: '4915112345678' }))).toBeNull();
		expect(answererKey('p', null)).toBeNull();
	});

	it('rebuilds the URL n8n signed: the same signature holds for the recipient and fails for anyone else', () => {
		const secret = 'instance-secret';
		const base = 'https://n8n.example.com/webhook-waiting';
		// What getSignedResumeUrl does: the query set in order, the URL signed, the signature appended.
		const signed = new URL(`${base}/77/d1000000-0000-4000-8000-000000000002`);
		for (const [name, value] of Object.entries(signedQuery('approve', '447700900123')))
			signed.searchParams.set(name, value);
		const sign = (url: URL) =>
			createHmac('sha256', secret).update(`${url.host}${url.pathname}${url.search}`).digest('hex');
		const written: WaitToken = {
			binding: 'p',
			answer: 'approve',
			executionId: '77',
			nodeId: 'd1000000-0000-4000-8000-000000000002',
			signature: sign(signed),
		};
		const check = (url: string) => {
			const parsed = new URL(url);
			const given = parsed.searchParams.get('signature');
			parsed.searchParams.delete('signature');
			return given === sign(parsed);
		};
		expect(check(resumeUrlOf(`${base}/`, written, '447700900123'))).toBe(true);
		expect(check(resumeUrlOf(base, written, '4915199999999'))).toBe(false);
		expect(check(resumeUrlOf(base, { ...written, answer: 'decline' }, '447700900123'))).toBe(false);
	});
});

describe("the trigger's signature of an answer", () => {
	const apiKey = 'the-360dialog-api-key';
	const answer: SignedAnswer = {
		executionId: '77',
		nodeId: 'd1000000-0000-4000-8000-000000000002',
		answer: 'text',
		contactKey: '447700900123',
		body: {
			text: 'Friday after 3 pm',
			contact: contact({ waId: '447700900123', profileName: 'Manager' }),
			timestamp: '2026-12-02T04:00:00.000Z',
			messageId: 'wamid.answer',
			questionMessageId: 'wamid.question',
			dropped: null,
		},
	};
	const text = fc.option(fc.string(), { nil: null });

	it('holds for the answer as signed, also after the body went through JSON, and never shows the key', () => {
		const signature = answerSignature(apiKey, answer);
		expect(signature).toMatch(/^[0-9a-f]{64}$/);
		expect(signature).not.toContain(apiKey);
		const received = readAnswerBody(JSON.parse(JSON.stringify(answer.body)));
		expect(answerSignatureMatches(apiKey, { ...answer, body: received }, signature)).toBe(true);
	});

	it('fails when any part changed, for another key, and without a signature', () => {
		const signature = answerSignature(apiKey, answer);
		fc.assert(
			fc.property(
				fc.record({
					text,
					timestamp: text,
					messageId: text,
					questionMessageId: text,
					dropped: text,
				}),
				fc.option(fc.string(), { nil: null }),
				(fields, profileName) => {
					const body = {
						...answer.body,
						...fields,
						contact: contact({ waId: '447700900123', profileName }),
					};
					const same = JSON.stringify(body) === JSON.stringify(answer.body);
					expect(answerSignatureMatches(apiKey, { ...answer, body }, signature)).toBe(same);
				},
			),
		);
		for (const changed of [
			{ executionId: '78' },
			{ nodeId: 'other-node' },
			{ answer: 'approve' as const },
			{ contactKey: '4915199999999' },
		])
			expect(answerSignatureMatches(apiKey, { ...answer, ...changed }, signature)).toBe(false);
		expect(answerSignatureMatches('another-key', answer, signature)).toBe(false);
		// A form's fields are signed too: other fields, or none, do not hold.
		const form = { ...answer, answer: 'form' as const };
		const withFields = { ...form, body: { ...form.body, form: '{"name":"Ana"}' } };
		const formSignature = answerSignature(apiKey, withFields);
		expect(answerSignatureMatches(apiKey, withFields, formSignature)).toBe(true);
		for (const fields of ['{"name":"Bob"}', null])
			expect(
				answerSignatureMatches(
					apiKey,
					{ ...form, body: { ...form.body, form: fields } },
					formSignature,
				),
			).toBe(false);
		expect(answerSignatureMatches(apiKey, answer, undefined)).toBe(false);
		expect(answerSignatureMatches(apiKey, answer, signature.slice(1))).toBe(false);
		expect(answerSignatureMatches('', answer, answerSignature('', answer))).toBe(false);
	});

	it('reads only the fields it signs from a body, as text or null', () => {
		expect(
			readAnswerBody({
				text: 'hi',
				contact: { waId: '1', profileName: 7, extra: 'x' },
				timestamp: 5,
				smuggled: 'yes',
				form: { name: 'not text' },
			}),
		).toEqual({
			text: 'hi',
			contact: contact({ waId: '1' }),
			timestamp: null,
			messageId: null,
			questionMessageId: null,
			dropped: null,
			form: null,
		});
		expect(readAnswerBody({ form: '{"name":"Ana"}' }).form).toBe('{"name":"Ana"}');
		expect(readAnswerBody('not an object').text).toBeNull();
	});
});

describe("what n8n's answer to a resume means", () => {
	it("takes only n8n's own answers as final, from waiting-webhooks.ts", () => {
		const error = (code: number, message: string) => ({ code, message });
		expect(resumeOutcome(200, { resumed: true })).toBe('resumed');
		expect(resumeOutcome(401, { error: 'Invalid token' })).toBe('notTheContact');
		const invalidLink = '<html><head><title>Invalid Form Link</title></head></html>';
		expect(resumeOutcome(401, invalidLink)).toBe('notTheContact');
		expect(resumeOutcome(401, { error: UNSIGNED_ANSWER_ERROR })).toBe('notSignedByTrigger');
		for (const [status, message] of [
			[404, 'The execution "12" does not exist.'],
			[404, 'Could not find node to process webhook.'],
			[
				404,
				'The workflow for execution "12" does not contain a waiting webhook with a matching path/method.',
			],
			[409, 'The execution "12" has finished with error.'],
			[409, 'The execution "12 has finished already.'],
		] as const)
			expect(resumeOutcome(status, error(status, message))).toBe('notWaiting');
		const page = "<html lang='en'><head><title>No action required</title></head></html>";
		expect(resumeOutcome(200, page)).toBe('notWaiting');
	});

	it('asks for the delivery again for anything else: 5xx, a proxy, running, an unknown body', () => {
		for (const [status, body] of [
			[500, { code: 0, message: 'There was a problem executing the workflow' }],
			[502, '<html><title>502 Bad Gateway</title></html>'],
			[503, ''],
			[409, { code: 409, message: 'The execution "12" is running already.' }],
			[404, '<html>Not Found</html>'],
			[404, { message: 'The requested webhook "POST x" is not registered.' }],
			[200, { message: 'Workflow was started' }],
			[200, 'n8n is starting up. Please wait'],
			[401, { error: 'unauthorized' }],
		] as const)
			expect(resumeOutcome(status, body)).toBe('retry');
	});
});
