import { assertNoSentinel, SENTINEL_API_KEY } from '../support/sentinel';

describe('the sentinel check', () => {
	it('fails when the key is anywhere in a value, an error included', () => {
		expect(() =>
			assertNoSentinel('x', { deep: [{ header: `D360-API-KEY: ${SENTINEL_API_KEY}` }] }),
		).toThrow('The API key leaked into x');
		expect(() =>
			assertNoSentinel('x', { error: new Error(`bad key ${SENTINEL_API_KEY}`) }),
		).toThrow('The API key leaked into x');
		expect(() => assertNoSentinel('x', { fine: 'redacted' })).not.toThrow();
	});
});
