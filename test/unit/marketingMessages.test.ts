import {
	classifyMarketingRefusal,
	marketingMessagesBody,
	MM_LITE_REFUSALS,
	planMarketingSend,
	ttlSecondsOf,
} from '../../nodes/Dialog360/domain/marketingMessages';
import { parseErrorBody } from '../../nodes/Dialog360/domain/apiErrors';

describe('MM Lite time to live', () => {
	it.each([12, 24, 720, '48', 12.5])('accepts %p hours as seconds', (hours) => {
		const { seconds, violations } = ttlSecondsOf(hours);
		expect(violations).toEqual([]);
		expect(seconds).toBe(Math.round(Number(hours) * 3600));
	});
	it.each([0, '', undefined, null])('leaves %p to the default of 30 days', (hours) => {
		expect(ttlSecondsOf(hours)).toEqual({ violations: [] });
	});
	it.each([11.99, 721, -5, 'soon', Number.NaN])(
		'refuses %p naming the field and the range',
		(hours) => {
			const { seconds, violations } = ttlSecondsOf(hours);
			expect(seconds).toBeUndefined();
			expect(violations).toEqual([
				expect.objectContaining({
					field: 'Time to Live (Hours)',
					message: expect.stringContaining('between 12 and 720 hours'),
				}),
			]);
		},
	);
	it('adds only the fields that are set to the Cloud API body', () => {
		const body = { messaging_product: 'whatsapp', type: 'template' };
		expect(marketingMessagesBody(body, {})).toEqual(body);
		expect(marketingMessagesBody(body, { activitySharing: true, ttlSeconds: 43_200 })).toEqual({
			...body,
			message_activity_sharing: true,
			message_send_ttl_seconds: 43_200,
		});
	});
});

describe('MM Lite refusals', () => {
	// The answers as 360dialog documents them: {"detail": {"error": {...}}}.
	const answer = (status: number, code: number, message: string, details?: string) =>
		parseErrorBody(status, {
			detail: {
				error: {
					message,
					code,
					...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
				},
			},
		});

	it.each([
		[
			answer(
				403,
				200,
				'(#200) You must accept the Marketing Messages Lite API terms to use the API.',
			),
			'termsNotAccepted',
		],
		[
			answer(
				400,
				131055,
				'(#200) You must accept the Marketing Messages Lite API terms to use the API.',
			),
			'termsNotAccepted',
		],
		[
			answer(
				400,
				131055,
				'(#131055) Method not allowed',
				'Only marketing template messages are supported',
			),
			'notMarketingTemplate',
		],
		[
			answer(400, 100, '(#100) Invalid parameter', 'Message must be a template message.'),
			'notTemplateMessage',
		],
		[answer(400, 131009, '(#131009) Parameter value is not valid'), 'templateNotSynced'],
	])('reads %j as not available (%s)', (info, reason) => {
		expect(info.code).toBeDefined();
		expect(classifyMarketingRefusal(info)?.reason).toBe(reason);
	});

	it.each([
		['a server error with a refusal code', { httpCode: 500, code: 131055, message: 'x' }],
		['a gateway error', { httpCode: 502, code: 131000, message: 'x' }],
		['a rate limit', { httpCode: 429, code: 131055, message: 'x' }],
		['an answer without a code', { httpCode: 400, message: 'Bad request' }],
		['another 4xx code', { httpCode: 400, code: 132000, message: 'parameters do not match' }],
		[
			'a code 100 about something else',
			{ httpCode: 400, code: 100, message: '(#100) Invalid parameter', details: 'to is invalid' },
		],
		['no answer at all', undefined],
	])('does not read %s as not available', (_, info) => {
		expect(classifyMarketingRefusal(info)).toBeUndefined();
	});

	it('names a source-backed explanation for every reason', () => {
		for (const rule of MM_LITE_REFUSALS) expect(rule.explanation.length).toBeGreaterThan(20);
	});
});

describe('MM Lite plan before sending', () => {
	const template = { name: 'order_ready', language: 'en' };
	it.each(['MARKETING', 'marketing', undefined, null])('sends %p through MM Lite', (category) => {
		expect(planMarketingSend({ ...template, category, fallBack: false })).toEqual({
			kind: 'marketing',
		});
	});
	it.each(['UTILITY', 'AUTHENTICATION'])(
		'sends %s through the Cloud API with fallback',
		(category) => {
			expect(planMarketingSend({ ...template, category, fallBack: true })).toEqual({
				kind: 'cloudApi',
				fellBackBecause: 'notMarketingTemplate',
			});
		},
	);
	it('refuses a utility template without fallback, naming the field and the rule', () => {
		expect(planMarketingSend({ ...template, category: 'UTILITY', fallBack: false })).toEqual({
			kind: 'refuse',
			violation: {
				field: 'Send Through',
				message: expect.stringContaining('Marketing Messages Lite sends marketing templates only'),
			},
		});
	});
});
