/**
 * Checks the components of a send (built here or written as JSON by the user) against the template,
 * so a mismatch is named before Meta answers 132000.
 */
import type { Violation } from '../checks';
import { isRecord, textOf } from '../values';
import type { SendComponent } from './build';
import {
	componentOf,
	parameterSlots,
	usesNamedParameters,
	variableLabel,
	type ParameterSlot,
	type TemplateDefinition,
} from './slots';

type SendParameter = Record<string, unknown>;

function componentKey(component: SendComponent): string {
	const type = textOf(component.type).toLowerCase();
	return type === 'button' ? `button:${textOf(component.index)}` : type;
}

function describeKey(key: string, template: TemplateDefinition): string {
	if (!key.startsWith('button:'))
		return key === 'header' ? 'Header' : key === 'body' ? 'Body' : `Component "${key}"`;
	const button = componentOf(template, 'BUTTONS')?.buttons?.[Number(key.slice(7))];
	return `Button ${Number(key.slice(7))}${button?.text ? ` "${button.text}"` : ''}`;
}

function isEmpty(value: unknown): boolean {
	return textOf(value).trim() === '';
}

/** The value of one send parameter, for the empty check (text, payload, coupon, media, currency...). */
function parameterValue(parameter: SendParameter): unknown {
	const type = textOf(parameter.type);
	const nested = parameter[type];
	if (type === 'text') return parameter.text;
	if (type === 'payload') return parameter.payload;
	if (type === 'coupon_code') return parameter.coupon_code;
	// A flow button's action: its token may be left out (Meta fills in "unused"); data is checked apart.
	if (type === 'action') return isRecord(parameter.action) ? 'ok' : '';
	if (nested && typeof nested === 'object') {
		const object = nested as Record<string, unknown>;
		if (type === 'location')
			return isEmpty(object.latitude) || isEmpty(object.longitude) ? '' : 'ok';
		return object.link ?? object.id ?? object.fallback_value;
	}
	return nested;
}

const TEXT_TYPES = ['text', 'currency', 'date_time'];

/**
 * Compares the components of a send with the template: the right components, the right number and
 * type of parameters in each, no empty value, and `parameter_name` on every text of a named template.
 * [M] Meta's error codes (132000, a count mismatch:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes) and
 * BSP pages agree on empty strings refused and on named parameters.
 */
export function checkTemplateComponents(
	template: TemplateDefinition,
	components: unknown,
): Violation[] {
	const violations: Violation[] = [];
	const add = (field: string, message: string) => violations.push({ field, message });
	const reference = `template ${template.name} (${template.language})`;
	if (!Array.isArray(components)) {
		add(
			'Components',
			`Components must be a JSON array of {type, parameters} objects (got ${components === null ? 'null' : typeof components})`,
		);
		return violations;
	}
	const named = usesNamedParameters(template);
	const slots = parameterSlots(template);
	const expected = new Map<string, ParameterSlot[]>();
	for (const slot of slots)
		expected.set(slot.component, [...(expected.get(slot.component) ?? []), slot]);

	const seen = new Set<string>();
	for (const candidate of components) {
		const component = candidate as SendComponent;
		if (!component || typeof component !== 'object' || !Array.isArray(component.parameters)) {
			add('Components', 'Every component needs a "type" and a "parameters" array');
			continue;
		}
		const key = componentKey(component);
		const where = describeKey(key, template);
		if (seen.has(key)) add(where, `${where} is given twice`);
		seen.add(key);
		const wanted = expected.get(key);
		if (!wanted) {
			add(where, `${where} takes no parameters in ${reference}; remove it`);
			continue;
		}
		const parameters = component.parameters.filter((parameter, index) => {
			if (isRecord(parameter)) return true;
			add(
				where,
				`${where} parameter ${index + 1} must be an object such as {"type": "text", "text": "Ada"} (got ${parameter === null ? 'null' : typeof parameter})`,
			);
			return false;
		});
		if (parameters.length !== component.parameters.length) continue;
		const textSlots = wanted.filter((slot) => slot.kind === 'text');
		if (textSlots.length > 0) {
			const variables = textSlots.map((slot) => variableLabel(slot.variable ?? ''));
			if (named) {
				const given = new Set<string>();
				for (const parameter of parameters) {
					const name = typeof parameter.parameter_name === 'string' ? parameter.parameter_name : '';
					if (!name)
						add(
							where,
							`${where} parameter "${textOf(parameterValue(parameter))}" needs a parameter_name: ${reference} uses named variables (${variables.join(', ')})`,
						);
					else if (!textSlots.some((slot) => slot.variable === name))
						add(
							where,
							`${where} variable ${variableLabel(name)} is not in ${reference} (it has ${variables.join(', ')})`,
						);
					else given.add(name);
				}
				for (const slot of textSlots)
					if (!given.has(slot.variable ?? ''))
						add(where, `${where} variable ${variableLabel(slot.variable ?? '')} has no value`);
			} else if (parameters.length !== textSlots.length) {
				add(
					where,
					`${where} has ${textSlots.length} variable${textSlots.length === 1 ? '' : 's'} (${variables.join(', ')}) in ${reference} but ${parameters.length} parameter${parameters.length === 1 ? ' was' : 's were'} given`,
				);
			}
			parameters.forEach((parameter, index) => {
				const type = textOf(parameter.type);
				const slotLabel = named
					? variableLabel(textOf(parameter.parameter_name ?? index + 1))
					: (variables[index] ?? `#${index + 1}`);
				if (!TEXT_TYPES.includes(type))
					add(
						where,
						`${where} variable ${slotLabel} must be of type text, currency or date_time (got "${type}")`,
					);
				else if (isEmpty(parameterValue(parameter)))
					add(where, `${where} variable ${slotLabel} is empty; every variable needs a value`);
			});
			continue;
		}
		// Media, location and button parameters: exactly one, of the type the template defines.
		const slot = wanted[0];
		const wantedType =
			slot.kind === 'urlSuffix'
				? 'text'
				: slot.kind === 'payload'
					? 'payload'
					: slot.kind === 'couponCode'
						? 'coupon_code'
						: slot.kind === 'flowToken' || slot.kind === 'flowData'
							? 'action'
							: ['latitude', 'longitude', 'locationName', 'locationAddress'].includes(slot.kind)
								? 'location'
								: slot.kind;
		if (parameters.length !== 1) {
			add(
				where,
				`${where} takes exactly 1 parameter of type ${wantedType} in ${reference} (got ${parameters.length})`,
			);
			continue;
		}
		const type = textOf(parameters[0].type);
		if (type !== wantedType)
			add(
				where,
				`${where} parameter must be of type ${wantedType} in ${reference} (got "${type}")`,
			);
		else if (isEmpty(parameterValue(parameters[0])))
			add(
				where,
				`${where} ${slot.kind === 'urlSuffix' ? 'URL suffix' : wantedType} is empty; it needs a value`,
			);
		else if (type === 'action') {
			const data = (parameters[0].action as Record<string, unknown>).flow_action_data;
			if (data !== undefined && (!isRecord(data) || Object.keys(data).length === 0))
				add(
					where,
					`${where} Screen Data must be a JSON object with at least one field, or left empty (got ${typeof data === 'string' ? data : JSON.stringify(data)})`,
				);
		} else if (type === 'location') {
			const location = isRecord(parameters[0].location) ? parameters[0].location : {};
			for (const [axis, limit] of [
				['latitude', 90],
				['longitude', 180],
			] as const) {
				const value = Number(location[axis]);
				if (
					typeof location[axis] !== 'number' ||
					!Number.isFinite(value) ||
					Math.abs(value) > limit
				) {
					add(
						where,
						`${where} location ${axis} must be a number from -${limit} to ${limit} (got ${JSON.stringify(location[axis])})`,
					);
				}
			}
		}
	}
	for (const [key, wanted] of expected) {
		if (seen.has(key) || wanted.every((slot) => !slot.required)) continue;
		const where = describeKey(key, template);
		const variables = wanted
			.filter((slot) => slot.required)
			.map((slot) => (slot.variable ? variableLabel(slot.variable) : slot.label));
		add(where, `${where} needs ${variables.join(', ')} for ${reference}, and none was given`);
	}
	return violations;
}
