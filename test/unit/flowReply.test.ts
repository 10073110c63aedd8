/** Reading a WhatsApp Flow's answer (nfm_reply): the fields, the token, a text for people, broken JSON. */
import fc from 'fast-check';

import { fieldLabel, flowReplyOf, formText } from '../../nodes/Dialog360/domain/flowReply';
import { messageTextOf } from '../../nodes/Dialog360/domain/messageText';
import { readDelivery } from '../../nodes/Dialog360/domain/webhookEvents';
import { CONTACT, flowSubmission } from '../fixtures/webhooks';

const reply = (response_json: unknown, name: unknown = 'flow') => ({
	type: 'interactive',
	interactive: { type: 'nfm_reply', nfm_reply: { name, body: 'Sent', response_json } },
});

/** A form as WhatsApp Manager's Flow Builder or a Flow JSON names its fields, with an unanswered one. */
const FIELDS = {
	first_name: 'Ana',
	email: 'ana@example.com',
	screen_0_Preferred_day_0: 'Friday',
	interests: ['Pricing', 'Demo'],
	newsletter: true,
	comment: '',
};

describe("a flow's answer", () => {
	it("is read from Meta's shape into the fields, the token taken out, the reply's name, and a text of the answered fields", () => {
		const [event] = readDelivery(
			flowSubmission('wamid.lead', 'lead-42', FIELDS, { waId: CONTACT.wa_id }, 'wamid.question'),
		);
		expect(event).toMatchObject({
			kind: 'message',
			flowResponse: FIELDS,
			flowToken: 'lead-42',
			flowName: 'flow',
			text: [
				'First name: Ana',
				'Email: ana@example.com',
				'Preferred day: Friday',
				'Interests: Pricing, Demo',
				'Newsletter: Yes',
			].join('\n'),
		});
		expect(event.flowResponse).not.toHaveProperty('flow_token');
		expect(event).not.toHaveProperty('flowResponseError');
		expect(event).not.toHaveProperty('flowResponseRaw');
	});

	it('any JSON object comes back as its fields, and its token, whatever the keys and values', () => {
		const fields = fc.dictionary(
			fc.string().filter((key) => key !== 'flow_token' && key !== '__proto__'),
			fc.jsonValue(),
		);
		fc.assert(
			fc.property(fields, fc.string({ minLength: 1 }), (written, token) => {
				const read = flowReplyOf(reply(JSON.stringify({ ...written, flow_token: token })));
				expect(read?.flowResponse).toEqual(JSON.parse(JSON.stringify(written)));
				expect(read?.flowToken).toBe(token);
				expect(read?.flowResponseError).toBeUndefined();
				expect(read?.text.split('\n').filter(Boolean).length).toBeLessThanOrEqual(
					Object.keys(written).length,
				);
			}),
		);
	});

	it('a response_json that is not a JSON object still gives the answer: the raw string and why, no fields, no token', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string().filter((text) => {
						try {
							JSON.parse(text);
							return false;
						} catch {
							return true;
						}
					}),
					fc.constantFrom('[1,2]', '"text"', '42', 'null', '{"flow_token":"x"'),
				),
				(raw) => {
					const read = flowReplyOf(reply(raw));
					expect(read).toMatchObject({ flowResponseRaw: raw, flowToken: null, flowName: 'flow' });
					expect(read?.flowResponseError).toMatch(
						/^response_json is not (valid JSON|a JSON object)/,
					);
					expect(read).not.toHaveProperty('flowResponse');
				},
			),
		);
		const [event] = readDelivery(
			flowSubmission('wamid.broken', 't', {}, { waId: CONTACT.wa_id }, 'wamid.q', '{"name": Ana}'),
		);
		expect(event).toMatchObject({
			kind: 'message',
			flowResponseRaw: '{"name": Ana}',
			flowResponseError: expect.stringContaining('not valid JSON'),
			flowToken: null,
			text: 'Sent',
		});
		expect(event).not.toHaveProperty('flowResponse');
		expect(flowReplyOf(reply(undefined))).toMatchObject({
			flowResponseError: 'response_json is missing or not a string',
		});
	});

	it('other messages are not flow answers; a missing token or name is null', () => {
		expect(flowReplyOf({ type: 'text', text: { body: 'hi' } })).toBeUndefined();
		expect(flowReplyOf(undefined)).toBeUndefined();
		const [text] = readDelivery(
			flowSubmission('wamid.x', 'x', {}, { waId: CONTACT.wa_id }, 'wamid.q'),
		);
		expect(text.flowResponse).toEqual({});
		expect(flowReplyOf(reply('{"a":1}', ''))).toMatchObject({ flowName: null, flowToken: null });
		// The item's text: the fields, else the reply's body, else the raw JSON.
		expect(messageTextOf(reply('{}'))).toBe('Sent');
	});
});

describe('labels and values for people', () => {
	it.each([
		['first_name', 'First name'],
		['firstName', 'First name'],
		['dateOfBirth', 'Date of birth'],
		['screen_1_Email_address_2', 'Email address'],
		['ZIP', 'ZIP'],
		['e-mail', 'E mail'],
		['___', '___'],
	])('%s reads as %s', (key, label) => expect(fieldLabel(key)).toBe(label));

	it('lists every answered field on its line, and leaves empty ones out', () => {
		expect(formText({ a: 1, b: false, c: null, d: [], e: { x: 1 }, f: ' ' })).toBe(
			'A: 1\nB: No\nE: {"x":1}',
		);
	});
});
