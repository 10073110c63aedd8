/** The `components` of a template send, built from the values the user gave for each slot. */
import { textOf } from '../values';
import { componentOf, parameterSlots, usesNamedParameters, type TemplateDefinition } from './slots';

type SendParameter = Record<string, unknown>;
export interface SendComponent {
	type: string;
	sub_type?: string;
	index?: string | number;
	parameters: SendParameter[];
}

function mediaReference(value: string): Record<string, string> {
	const trimmed = value.trim();
	return /^https?:\/\//i.test(trimmed) ? { link: trimmed } : { id: trimmed };
}

/** The one `action` parameter of a flow button, made on first use. */
function flowAction(component: SendComponent): Record<string, unknown> {
	let parameter = component.parameters.find((candidate) => candidate.type === 'action');
	if (!parameter) {
		parameter = { type: 'action', action: {} };
		component.parameters.push(parameter);
	}
	return parameter.action as Record<string, unknown>;
}

/** A JSON text parsed; a value that is not JSON stays text, so the check names it. */
function jsonOrText(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return raw;
	}
}

/** The flow token a send gives its flow button, if it has one (returned as `flowToken`). */
export function flowTokenOf(components: unknown): string | undefined {
	for (const component of Array.isArray(components) ? (components as SendComponent[]) : []) {
		const action = component?.parameters?.find?.((parameter) => parameter?.type === 'action')
			?.action as Record<string, unknown> | undefined;
		if (typeof action?.flow_token === 'string') return action.flow_token;
	}
	return undefined;
}

/** The send's `components` from the values the user gave, keyed by slot id. Checked separately. */
export function buildTemplateComponents(
	template: TemplateDefinition,
	values: Record<string, unknown>,
): SendComponent[] {
	const named = usesNamedParameters(template);
	const components = new Map<string, SendComponent>();
	const componentFor = (key: string): SendComponent => {
		let component = components.get(key);
		if (!component) {
			const [type, index] = key.split(':');
			component = { type, parameters: [] };
			if (index !== undefined) {
				const buttonType = componentOf(template, 'BUTTONS')?.buttons?.[
					Number(index)
				]?.type?.toLowerCase();
				// A one-time-password button is sent as the URL button it is stored as.
				Object.assign(component, {
					sub_type: buttonType === 'otp' ? 'url' : buttonType,
					index: index,
				});
			}
			components.set(key, component);
		}
		return component;
	};
	const location: Record<string, unknown> = {};
	for (const slot of parameterSlots(template)) {
		const raw = values[slot.sameAs ?? slot.id];
		const value = textOf(raw);
		if (!slot.required && value.trim() === '') continue;
		const component = componentFor(slot.component);
		switch (slot.kind) {
			case 'text':
				component.parameters.push({
					type: 'text',
					text: value,
					...(named && slot.variable ? { parameter_name: slot.variable } : {}),
				});
				break;
			case 'image':
			case 'video':
			case 'document':
				component.parameters.push({ type: slot.kind, [slot.kind]: mediaReference(value) });
				break;
			case 'latitude':
			case 'longitude':
				// Kept as given when it is not a number, so the check names it instead of sending 0.
				location[slot.kind] =
					value.trim() === '' ? '' : Number.isFinite(Number(value)) ? Number(value) : value;
				break;
			case 'locationName':
				location.name = value;
				break;
			case 'locationAddress':
				location.address = value;
				break;
			case 'urlSuffix':
				component.parameters.push({ type: 'text', text: value });
				break;
			case 'payload':
				component.parameters.push({ type: 'payload', payload: value });
				break;
			case 'couponCode':
				component.parameters.push({ type: 'coupon_code', coupon_code: value });
				break;
			case 'flowToken':
			case 'flowData':
				Object.assign(
					flowAction(component),
					slot.kind === 'flowToken' ? { flow_token: value } : { flow_action_data: jsonOrText(raw) },
				);
				break;
		}
	}
	if (Object.keys(location).length)
		componentFor('header').parameters.push({ type: 'location', location });
	return [...components.values()].filter((component) => component.parameters.length > 0);
}

/** The template part of a POST /messages body (the envelope comes from `addressMessage`). */
export function templateMessageBody(
	template: TemplateDefinition,
	components: unknown[],
): Record<string, unknown> {
	return {
		type: 'template',
		template: {
			name: template.name,
			language: { code: template.language },
			...(components.length ? { components } : {}),
		},
	};
}
