import { Dialog360Api } from '../../credentials/Dialog360Api.credentials';
import {
	endpointPath,
	ENVIRONMENTS,
	resolveBaseUrl,
	rewriteMediaUrl,
	UnsupportedEndpointError,
} from '../../nodes/Dialog360/domain/environments';

describe('environments', () => {
	it('keeps the sandbox v1 paths apart from production', () => {
		expect(endpointPath('production', 'messages')).toBe('/messages');
		expect(endpointPath('sandbox', 'messages')).toBe('/v1/messages');
		expect(endpointPath('custom', 'webhook')).toBe('/v1/configs/webhook');
		expect(endpointPath('production', 'template', { templateName: 'order update' })).toBe(
			'/v1/configs/templates/order%20update',
		);
	});

	it('fails loudly for an endpoint the sandbox does not offer', () => {
		expect(() => endpointPath('sandbox', 'profile')).toThrow(UnsupportedEndpointError);
		expect(() => endpointPath('sandbox', 'profile')).toThrow(
			'Sandbox environment does not offer "profile"',
		);
	});

	it('checks a custom base URL', () => {
		expect(resolveBaseUrl('custom', 'http://127.0.0.1:8360/')).toBe('http://127.0.0.1:8360');
		expect(() => resolveBaseUrl('custom', '127.0.0.1:8360')).toThrow(
			'must start with http:// or https://',
		);
		expect(resolveBaseUrl('production')).toBe('https://waba-v2.360dialog.io');
	});

	it('rewrites Meta CDN media URLs to the 360dialog host', () => {
		expect(
			rewriteMediaUrl(
				'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=jpg&hash=x',
				'https://waba-v2.360dialog.io',
			),
		).toBe('https://waba-v2.360dialog.io/whatsapp_business/attachments/?mid=1&ext=jpg&hash=x');
	});

	it('builds the credential test from the same table', async () => {
		const credential = new Dialog360Api();
		const { baseURL, url } = credential.test.request;
		expect(baseURL).toContain(ENVIRONMENTS.production.baseUrl!);
		expect(baseURL).toContain(ENVIRONMENTS.sandbox.baseUrl!);
		expect(baseURL).toContain('|| $credentials.baseUrl');
		expect(url).toContain('"production":"/health_status"');
		expect(url).toContain(`"sandbox":"${ENVIRONMENTS.sandbox.paths.healthStatus}"`);
		const authenticated = await credential.authenticate(
			{ apiKey: 'key-1', environment: 'production' },
			{ url: '/health_status', headers: { Accept: 'application/json' } },
		);
		expect(authenticated.headers).toEqual({ Accept: 'application/json', 'D360-API-KEY': 'key-1' });
	});
});
