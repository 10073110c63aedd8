/** The emulator's /marketing_messages: what MM Lite accepts and how it refuses, as 360dialog documents it. */
import { useEmulator } from '../support/emulatorFixture';

const fixture = useEmulator({ apiKeys: ['k'] });
const { emulator } = fixture;

const send = async (body: Record<string, unknown>) => {
	const response = await fetch(`${fixture.baseUrl}/marketing_messages`, {
		method: 'POST',
		headers: { 'D360-API-KEY': 'k', 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, any> };
};

const template = (name: string, extra: Record<string, unknown> = {}) => ({
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '4915112345678',
	type: 'template',
	template: { name, language: { policy: 'deterministic', code: 'en' } },
	...extra,
});

beforeEach(() => {
	emulator.seedTemplates(1, () => ({ name: 'offer', category: 'MARKETING' }));
	emulator.seedTemplates(1, () => ({ id: 'u1', name: 'receipt', category: 'UTILITY' }));
});

describe("the emulator's Marketing Messages Lite", () => {
	it('takes a marketing template with activity sharing and a TTL, and records it as sent through MM Lite', async () => {
		const body = template('offer', {
			message_activity_sharing: true,
			message_send_ttl_seconds: 43_200,
		});
		const answer = await send(body);
		expect(answer.status).toBe(200);
		expect(answer.body.messages[0].id).toBe(emulator.sent[0].id);
		expect(emulator.sent[0]).toMatchObject({ via: 'marketing_messages', payload: body });
	});

	it.each([
		[
			'a utility template',
			template('receipt'),
			400,
			131055,
			'Only marketing template messages are supported',
		],
		[
			'a text',
			{ messaging_product: 'whatsapp', to: '4915112345678', type: 'text', text: { body: 'hi' } },
			400,
			100,
			'Message must be a template message.',
		],
		[
			'a TTL under 12 hours',
			template('offer', { message_send_ttl_seconds: 43_199 }),
			400,
			100,
			'message_send_ttl_seconds',
		],
		[
			'a TTL over 30 days',
			template('offer', { message_send_ttl_seconds: 2_592_001 }),
			400,
			100,
			'message_send_ttl_seconds',
		],
	])(
		'refuses %s in the detail-wrapped shape, sending nothing',
		async (_, body, status, code, details) => {
			const answer = await send(body);
			expect(answer.status).toBe(status);
			expect(answer.body.detail.error).toMatchObject({
				code,
				error_data: { details: expect.stringContaining(details) },
			});
			expect(emulator.sent).toHaveLength(0);
		},
	);

	it('refuses everything while the business has not accepted the MM Lite terms', async () => {
		emulator.marketingOnboarding = 'termsNotAccepted';
		const answer = await send(template('offer'));
		expect(answer.status).toBe(403);
		expect(answer.body.detail.error).toMatchObject({
			code: 200,
			message: '(#200) You must accept the Marketing Messages Lite API terms to use the API.',
		});
		expect(emulator.sent).toHaveLength(0);
	});
});
