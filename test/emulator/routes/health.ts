/** The emulator's routes. The number's health status (also the credential test's call), in states tests set. */
import type { Route } from '../core';
import type { Emulator } from '../server';

/** A number that can send: every entity AVAILABLE. */
export const HEALTHY = {
	health_status: {
		can_send_message: 'AVAILABLE',
		entities: [
			{ entity_type: 'PHONE_NUMBER', id: '100000000000001', can_send_message: 'AVAILABLE' },
			{ entity_type: 'WABA', id: '200000000000002', can_send_message: 'AVAILABLE' },
			{ entity_type: 'BUSINESS', id: '300000000000003', can_send_message: 'AVAILABLE' },
			{ entity_type: 'APP', id: '400000000000004', can_send_message: 'AVAILABLE' },
		],
	},
	id: '100000000000001',
};

/**
 * Sets the health /health_status answers: one entity BLOCKED (with Meta's `errors`) or LIMITED (with
 * `additional_info`), the overall state following it; no argument puts the healthy number back.
 */
export function setHealth(
	emulator: Emulator,
	problem?: {
		entityType: 'PHONE_NUMBER' | 'WABA' | 'BUSINESS' | 'APP';
		state: 'BLOCKED' | 'LIMITED';
		errorCode?: number;
		description: string;
		solution?: string;
	},
): void {
	if (!problem) {
		emulator.health = structuredClone(HEALTHY);
		return;
	}
	const health = structuredClone(HEALTHY);
	health.health_status.can_send_message = problem.state;
	health.health_status.entities = health.health_status.entities.map((entity) =>
		entity.entity_type !== problem.entityType
			? entity
			: {
					...entity,
					can_send_message: problem.state,
					...(problem.state === 'BLOCKED'
						? {
								errors: [
									{
										error_code: problem.errorCode ?? 141006,
										error_description: problem.description,
										possible_solution: problem.solution ?? 'Contact support.',
									},
								],
							}
						: { additional_info: [problem.description] }),
				},
	);
	emulator.health = health;
}

/** GET /health_status: the health tests set (setHealth), healthy by default. */
export const healthRoute: Route = (emulator, { method, path }) => {
	if (method === 'GET' && path === '/health_status') return { status: 200, body: emulator.health };
	return undefined;
};
