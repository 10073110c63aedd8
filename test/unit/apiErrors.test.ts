import { hintFor, isRateLimitAnswer, parseErrorBody } from '../../nodes/Dialog360/domain/apiErrors';

describe('parseErrorBody reads the four error shapes', () => {
	it('Meta Graph error with error_data details', () => {
		const info = parseErrorBody(400, {
			error: {
				message: '(#131047) Re-engagement message',
				code: 131047,
				error_data: { details: 'More than 24 hours have passed' },
			},
		});
		expect(info).toEqual({
			httpCode: 400,
			code: 131047,
			message: '(#131047) Re-engagement message',
			details: 'More than 24 hours have passed',
		});
		expect(hintFor(info)).toMatch(/Send Template/);
	});

	it('Meta Graph error with error_data as a string (template management)', () => {
		expect(
			parseErrorBody(400, {
				error: { message: 'Invalid parameter', code: 100, error_data: 'name is taken' },
			}).details,
		).toBe('name is taken');
	});

	it('360dialog gateway error', () => {
		const info = parseErrorBody(400, {
			meta: {
				success: false,
				http_code: 400,
				developer_message: 'You have exceeded the endpoint rate limit.',
				details: ['slow down'],
			},
		});
		expect(info.message).toBe('You have exceeded the endpoint rate limit.');
		expect(info.details).toBe('slow down');
		expect(isRateLimitAnswer(info)).toBe(true);
	});

	it('360dialog Messaging API error string', () => {
		expect(parseErrorBody(401, { error: 'Invalid api_key' })).toEqual({
			httpCode: 401,
			message: 'Invalid api_key',
		});
		expect(hintFor(parseErrorBody(401, { error: 'Invalid api_key' }))).toMatch(/API key/);
	});

	it('on-premise errors array', () => {
		expect(
			parseErrorBody(404, {
				meta: { api_status: 'stable' },
				errors: [{ code: 1006, title: 'Resource not found', details: 'unknown contact' }],
			}),
		).toEqual({
			httpCode: 404,
			code: 1006,
			message: 'Resource not found',
			details: 'unknown contact',
		});
	});

	it('a JSON string body and a non-JSON body', () => {
		expect(parseErrorBody(400, JSON.stringify({ error: { message: 'x', code: 100 } })).code).toBe(
			100,
		);
		expect(parseErrorBody(502, '<html>Bad gateway</html>').message).toBe(
			'<html>Bad gateway</html>',
		);
		expect(parseErrorBody(500, undefined).message).toBe('HTTP 500 with no error message');
	});

	it('tells a rate-limit 400 from a validation 400', () => {
		expect(
			isRateLimitAnswer(
				parseErrorBody(400, { error: { message: 'Invalid parameter', code: 100 } }),
			),
		).toBe(false);
		expect(
			isRateLimitAnswer(parseErrorBody(400, { error: { message: 'Too many', code: 130429 } })),
		).toBe(true);
	});

	it('has a hint for every common code the issue names', () => {
		for (const code of [131047, 132000, 132001, 132012, 131026, 131056, 130429]) {
			expect(hintFor({ httpCode: 400, code, message: 'x' })).toBeTruthy();
		}
	});

	it('attaches a hint only where it applies: code 100 on a template send, 131009 and 131062 on a send to a user ID', () => {
		const invalid = { httpCode: 400, code: 100, message: 'Invalid parameter' };
		expect(hintFor(invalid)).toBeUndefined(); // a media download or a template delete
		expect(hintFor(invalid, ['templateSend'])).toMatch(/parameter_name/);
		const staleUserId = { httpCode: 400, code: 131009, message: 'Parameter value is not valid' };
		expect(hintFor(staleUserId)).toBeUndefined(); // a wrong message ID in Mark as Read
		expect(hintFor(staleUserId, ['userIdRecipient'])).toMatch(
			/new one when they change their phone number/,
		);
		expect(hintFor({ httpCode: 400, code: 131062, message: 'x' }, ['userIdRecipient'])).toMatch(
			/phone number/,
		);
	});
});
