import {
	backoffDelay,
	decide,
	parseRetryAfter,
	type RetryPolicy,
} from '../../nodes/Dialog360/transport/retryPolicy';

const policy: RetryPolicy = {
	maxAttempts: 4,
	maxTotalWaitMs: 10_000,
	baseDelayMs: 100,
	maxDelayMs: 1_000,
};
const fixed = () => 0.5;
const SEND = { idempotent: false } as const;
const READ = { idempotent: true } as const;
const response = (status: number, extra: { rateLimited?: boolean; retryAfterMs?: number } = {}) =>
	({
		kind: 'response',
		status,
		rateLimited: extra.rateLimited ?? false,
		retryAfterMs: extra.retryAfterMs,
	}) as const;

describe('retry decisions', () => {
	it.each([429, 503])('retries HTTP %i (not processed), also for sends', (status) => {
		expect(decide(response(status), 1, 0, SEND, policy, fixed).retry).toBe(true);
	});

	it.each([500, 502, 504])(
		'retries HTTP %i for reads, but a send ends in doubt unless the user accepts duplicates',
		(status) => {
			expect(decide(response(status), 1, 0, READ, policy, fixed).retry).toBe(true);
			expect(decide(response(status), 1, 0, SEND, policy, fixed)).toEqual({
				retry: false,
				reason: 'ambiguous',
			});
			expect(
				decide(
					response(status),
					1,
					0,
					{ idempotent: false, retryServerErrors: true },
					policy,
					fixed,
				).retry,
			).toBe(true);
		},
	);

	it('never retries a lost connection of a send, even when server errors may be retried', () => {
		expect(
			decide(
				{ kind: 'connectionError', code: 'ECONNRESET' },
				1,
				0,
				{ idempotent: false, retryServerErrors: true },
				policy,
				fixed,
			),
		).toEqual({ retry: false, reason: 'ambiguous' });
	});

	it("retries 360dialog's HTTP 400 rate-limit answer but never a validation 400", () => {
		expect(decide(response(400, { rateLimited: true }), 1, 0, SEND, policy, fixed).retry).toBe(
			true,
		);
		expect(decide(response(400), 1, 0, READ, policy, fixed)).toEqual({
			retry: false,
			reason: 'notRetryable',
		});
		expect(decide(response(401), 1, 0, READ, policy, fixed)).toEqual({
			retry: false,
			reason: 'notRetryable',
		});
	});

	it('honours Retry-After', () => {
		expect(decide(response(429, { retryAfterMs: 2_000 }), 1, 0, SEND, policy, () => 0)).toEqual({
			retry: true,
			delayMs: 2_000,
		});
	});

	it('retries a connection refused for sends, but not a reset after the request went out', () => {
		expect(
			decide({ kind: 'connectionError', code: 'ECONNREFUSED' }, 1, 0, SEND, policy, fixed).retry,
		).toBe(true);
		expect(
			decide({ kind: 'connectionError', code: 'ECONNRESET' }, 1, 0, SEND, policy, fixed),
		).toEqual({ retry: false, reason: 'ambiguous' });
		expect(
			decide({ kind: 'connectionError', code: 'ECONNABORTED' }, 1, 0, SEND, policy, fixed),
		).toEqual({ retry: false, reason: 'ambiguous' });
		expect(
			decide({ kind: 'connectionError', code: 'ECONNRESET' }, 1, 0, READ, policy, fixed).retry,
		).toBe(true);
	});

	it('stops after the attempt limit and the total wait limit', () => {
		expect(decide(response(503), 4, 0, READ, policy, fixed)).toEqual({
			retry: false,
			reason: 'exhausted',
		});
		expect(decide(response(429, { retryAfterMs: 9_500 }), 1, 1_000, READ, policy, fixed)).toEqual({
			retry: false,
			reason: 'exhausted',
		});
	});

	it('backs off exponentially with jitter, capped', () => {
		expect(backoffDelay(1, policy, () => 0)).toBe(50);
		expect(backoffDelay(1, policy, () => 1)).toBe(100);
		expect(backoffDelay(3, policy, () => 1)).toBe(400);
		expect(backoffDelay(10, policy, () => 1)).toBe(1_000);
	});

	it('reads Retry-After as seconds or as a date', () => {
		expect(parseRetryAfter('3')).toBe(3_000);
		expect(parseRetryAfter(['1'])).toBe(1_000);
		expect(parseRetryAfter(new Date(10_000).toUTCString(), 5_000)).toBe(5_000);
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});
