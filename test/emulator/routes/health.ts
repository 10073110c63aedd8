/** The emulator's routes. The credential test's call: the number's health status. */
import type { Route } from '../core';

/** GET /health_status: the number can send. */
export const healthRoute: Route = (emulator, { method, path }) => {
	if (method === 'GET' && path === '/health_status') {
		return {
			status: 200,
			body: {
				health_status: {
					can_send_message: 'AVAILABLE',
					entities: [
						{ entity_type: 'PHONE_NUMBER', id: '100000000000001', can_send_message: 'AVAILABLE' },
						{ entity_type: 'WABA', id: '200000000000002', can_send_message: 'AVAILABLE' },
					],
				},
				id: '100000000000001',
			},
		};
	}
	return undefined;
};
