/**
 * The emulator's routes. WhatsApp Flows: the number's flows (a published one and a draft one unless a
 * test sets others), listed with the number's own key, and the rules a flow message and a
 * template's flow button are checked against.
 *
 * 360dialog's Messaging API lists flows with the D360-API-KEY ("Flows", List Flows:
 * https://docs.360dialog.com/docs/messaging-api/api-reference/flows): `{ data: [flow], paging }`
 * with Meta's flow fields (id, name, status, categories, validation_errors) and Meta's cursor
 * paging, 25 a page unless `limit` says otherwise (Meta's usual default). No path reads one flow
 * with the number's key: none is confirmed in 360dialog's reference.
 */
import { cursorPage, metaError, type Route, type RouteAnswer } from '../core';
import type { Emulator } from '../server';

export interface EmulatorFlow {
	id: string;
	name: string;
	/** Meta's flow statuses: DRAFT, PUBLISHED, DEPRECATED, BLOCKED, THROTTLED. */
	status: string;
	categories: string[];
	/** The screen IDs of the flow's JSON: a navigate must open one of them (any, when not given). */
	screens?: string[];
}

/** The flows a fresh emulator has (and has again after reset). */
export function defaultFlows(): EmulatorFlow[] {
	return [
		{
			id: '1234567890123456',
			name: 'lead_form',
			status: 'PUBLISHED',
			categories: ['LEAD_GENERATION'],
			screens: ['LEAD_FORM'],
		},
		{
			id: '6543210987654321',
			name: 'survey_draft',
			status: 'DRAFT',
			categories: ['SURVEY'],
			screens: ['QUESTION'],
		},
	];
}

function publicFlow(flow: EmulatorFlow) {
	return {
		id: flow.id,
		name: flow.name,
		status: flow.status,
		categories: flow.categories,
		validation_errors: [],
	};
}

/** GET /flows: the list, page by page. */
export const flowsRoute: Route = (emulator, { method, path, url }) => {
	if (method !== 'GET' || path !== '/flows') return undefined;
	const { page, paging } = cursorPage(emulator.flows.map(publicFlow), url, 25);
	return { status: 200, body: { data: page, paging } };
};

function findFlow(emulator: Emulator, id: unknown, name: unknown): EmulatorFlow | undefined {
	return emulator.flows.find((flow) =>
		id !== undefined ? flow.id === String(id) : flow.name === String(name),
	);
}

/**
 * The rules of an interactive flow message (Meta "Sending a Flow"). Meta documents no own code for
 * an unknown flow or a draft flow sent in published mode: 131009 "Parameter value is not valid" is
 * the closest documented Cloud API code (and what users report for a wrong flow), so both use it.
 */
export function checkFlowMessage(
	emulator: Emulator,
	interactive: Record<string, any>,
): RouteAnswer | undefined {
	const invalid = (details: string) =>
		metaError(400, 131009, 'Parameter value is not valid', details);
	const parameters = interactive.action?.parameters ?? {};
	if (interactive.action?.name !== 'flow') return invalid('action.name must be "flow"');
	if (parameters.flow_message_version !== '3') return invalid('flow_message_version must be "3"');
	if (parameters.flow_id === undefined && parameters.flow_name === undefined)
		return invalid('flow_id or flow_name is required');
	const flow = findFlow(emulator, parameters.flow_id, parameters.flow_name);
	if (!flow)
		return invalid(
			`Flow ${parameters.flow_id ?? parameters.flow_name} does not exist on this WhatsApp Business Account`,
		);
	const mode = parameters.mode ?? 'published';
	if (mode === 'published' && flow.status !== 'PUBLISHED')
		return invalid(
			`Flow ${flow.id} is in ${flow.status} status and cannot be sent in published mode: publish it, or send it with mode "draft" to test it`,
		);
	if (flow.status === 'BLOCKED')
		return metaError(400, 132068, 'Flow is in blocked state', `Flow ${flow.id} is blocked`);
	const cta = String(parameters.flow_cta ?? '');
	if (!cta || Array.from(cta).length > 30 || /\p{Extended_Pictographic}/u.test(cta))
		return invalid('flow_cta must be 1 to 30 characters without emoji');
	if ((parameters.flow_action ?? 'navigate') === 'navigate') {
		const payload = parameters.flow_action_payload;
		if (typeof payload?.screen !== 'string' || !payload.screen)
			return invalid('flow_action_payload.screen is required when flow_action is navigate');
		if (flow.screens?.length && !flow.screens.includes(payload.screen))
			return invalid(`Screen ${payload.screen} does not exist in flow ${flow.id}`);
		if (
			payload.data !== undefined &&
			(typeof payload.data !== 'object' || !Object.keys(payload.data).length)
		)
			return invalid('flow_action_payload.data must be a non-empty object');
	}
	return undefined;
}

/** A FLOW button of a template submission names a flow of this account (by ID or name). */
export function checkTemplateFlowButtons(
	emulator: Emulator,
	components: unknown,
): RouteAnswer | undefined {
	const buttons = (Array.isArray(components) ? components : [])
		.filter((component) => component?.type === 'BUTTONS')
		.flatMap((component) => (Array.isArray(component.buttons) ? component.buttons : []))
		.filter((button: Record<string, unknown>) => button?.type === 'FLOW');
	for (const button of buttons) {
		if (!findFlow(emulator, button.flow_id, button.flow_name))
			return metaError(
				400,
				100,
				'Invalid parameter',
				`Flow ${button.flow_id ?? button.flow_name} of button "${button.text}" does not exist on this WhatsApp Business Account`,
			);
	}
	return undefined;
}

/**
 * A template send's flow button (Meta "Flows Templates"): `{type: "button", sub_type: "flow", index,
 * parameters: [{type: "action", action: {flow_token?, flow_action_data?}}]}`, on a FLOW button.
 */
export function checkTemplateFlowSend(
	template: { components: unknown[] },
	components: unknown,
): RouteAnswer | undefined {
	const invalid = (details: string) =>
		metaError(400, 131009, 'Parameter value is not valid', details);
	const buttons =
		(template.components as Array<Record<string, any>>).find(
			(component) => String(component?.type).toUpperCase() === 'BUTTONS',
		)?.buttons ?? [];
	for (const component of Array.isArray(components) ? components : []) {
		if (component?.sub_type !== 'flow') continue;
		if (String(buttons[Number(component.index)]?.type).toUpperCase() !== 'FLOW')
			return invalid(`button ${component.index} is not a flow button`);
		const [parameter] = Array.isArray(component.parameters) ? component.parameters : [];
		if (parameter?.type !== 'action' || typeof parameter.action !== 'object')
			return invalid('a flow button takes one parameter of type action');
		const data = parameter.action.flow_action_data;
		if (data !== undefined && (typeof data !== 'object' || !Object.keys(data).length))
			return invalid('flow_action_data must be a non-empty object');
	}
	return undefined;
}
