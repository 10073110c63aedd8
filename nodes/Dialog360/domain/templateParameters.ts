/**
 * Sending a template: which values a template needs (derived from its components), the `components`
 * of the send built from them, and a check of any components (built here or written as JSON by the
 * user) against the template, so a mismatch is named before Meta answers 132000.
 */
import { capitalize, type Violation } from './rules';
import { textOf } from './values';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface TemplateButton {
	type: string;
	text?: string;
	url?: string;
	phone_number?: string;
	example?: unknown;
}

export interface TemplateComponent {
	type: string;
	format?: string;
	text?: string;
	buttons?: TemplateButton[];
	example?: unknown;
}

export interface TemplateDefinition {
	name: string;
	language: string;
	status?: string;
	category?: string;
	parameter_format?: string;
	components?: TemplateComponent[];
}

export type SlotKind = 'text' | 'image' | 'video' | 'document' | 'latitude' | 'longitude' | 'locationName' | 'locationAddress' | 'urlSuffix' | 'payload' | 'couponCode';

/** One value the user provides; `id` is the key in the resource mapper's value object. */
export interface ParameterSlot {
	id: string;
	label: string;
	/** "header", "body" or "button:<index>": the send component it goes into. */
	component: string;
	kind: SlotKind;
	/** The variable's name ("1", "first_name") for text variables. */
	variable?: string;
	required: boolean;
	help: string;
}

const VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Variables in the order they first appear: "Hi {{1}}, {{2}}" → ["1", "2"]. */
export function templateVariables(text: string | undefined): string[] {
	const names: string[] = [];
	for (const match of (text ?? '').matchAll(VARIABLE)) if (!names.includes(match[1])) names.push(match[1]);
	return names;
}

export function usesNamedParameters(template: TemplateDefinition): boolean {
	if (template.parameter_format) return template.parameter_format.toUpperCase() === 'NAMED';
	return (template.components ?? []).some((component) => templateVariables(component.text).some((name) => !/^\d+$/.test(name)));
}

function find(template: TemplateDefinition, type: string): TemplateComponent | undefined {
	return (template.components ?? []).find((component) => component.type?.toUpperCase() === type);
}

const label = (variable: string) => `{{${variable}}}`;
const idPart = (variable: string) => variable.replace(/[^A-Za-z0-9_]/g, '_');

/** Every value the template asks for, header first, then body, then buttons. */
export function parameterSlots(template: TemplateDefinition): ParameterSlot[] {
	const slots: ParameterSlot[] = [];
	const header = find(template, 'HEADER');
	const format = header?.format?.toUpperCase();
	if (header && format === 'TEXT') {
		for (const variable of templateVariables(header.text)) {
			slots.push({ id: `header_${idPart(variable)}`, label: `Header ${label(variable)}`, component: 'header', kind: 'text', variable, required: true, help: `In the header: ${header.text}` });
		}
	} else if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') {
		const kind = format.toLowerCase() as 'image' | 'video' | 'document';
		slots.push({ id: `header_${kind}`, label: `Header ${capitalize(kind)}`, component: 'header', kind, required: true, help: `A public URL or a media ID of the ${kind} shown in the header` });
	} else if (format === 'LOCATION') {
		slots.push(
			{ id: 'header_latitude', label: 'Header Latitude', component: 'header', kind: 'latitude', required: true, help: 'From -90 to 90' },
			{ id: 'header_longitude', label: 'Header Longitude', component: 'header', kind: 'longitude', required: true, help: 'From -180 to 180' },
			{ id: 'header_location_name', label: 'Header Location Name', component: 'header', kind: 'locationName', required: false, help: 'The name shown on the map pin' },
			{ id: 'header_location_address', label: 'Header Location Address', component: 'header', kind: 'locationAddress', required: false, help: 'The address under the name' },
		);
	}
	const body = find(template, 'BODY');
	for (const variable of templateVariables(body?.text)) {
		slots.push({ id: `body_${idPart(variable)}`, label: `Body ${label(variable)}`, component: 'body', kind: 'text', variable, required: true, help: `In the body: ${(body?.text ?? '').slice(0, 200)}` });
	}
	(find(template, 'BUTTONS')?.buttons ?? []).forEach((button, index) => {
		const type = button.type?.toUpperCase();
		if (type === 'URL' && templateVariables(button.url).length > 0) {
			slots.push({ id: `button_${index}_url`, label: `Button "${button.text ?? index + 1}" URL Suffix`, component: `button:${index}`, kind: 'urlSuffix', required: true, help: `Replaces the variable at the end of ${button.url}` });
		} else if (type === 'QUICK_REPLY') {
			slots.push({ id: `button_${index}_payload`, label: `Button "${button.text ?? index + 1}" Payload`, component: `button:${index}`, kind: 'payload', required: false, help: 'Comes back in the reply event when the contact taps the button; the button text if empty' });
		} else if (type === 'COPY_CODE') {
			slots.push({ id: `button_${index}_coupon_code`, label: `Button "${button.text ?? 'Copy code'}" Coupon Code`, component: `button:${index}`, kind: 'couponCode', required: true, help: 'The code the contact copies' });
		}
	});
	return slots;
}

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

/** The send's `components` from the values the user gave, keyed by slot id. Checked separately. */
export function buildTemplateComponents(template: TemplateDefinition, values: Record<string, unknown>): SendComponent[] {
	const named = usesNamedParameters(template);
	const components = new Map<string, SendComponent>();
	const componentFor = (key: string): SendComponent => {
		let component = components.get(key);
		if (!component) {
			const [type, index] = key.split(':');
			component = { type, parameters: [] };
			if (index !== undefined) {
				const buttonType = find(template, 'BUTTONS')?.buttons?.[Number(index)]?.type?.toLowerCase();
				Object.assign(component, { sub_type: buttonType, index: index });
			}
			components.set(key, component);
		}
		return component;
	};
	const location: Record<string, unknown> = {};
	for (const slot of parameterSlots(template)) {
		const raw = values[slot.id];
		const value = textOf(raw);
		if (!slot.required && value.trim() === '') continue;
		const component = componentFor(slot.component);
		switch (slot.kind) {
			case 'text':
				component.parameters.push({ type: 'text', text: value, ...(named && slot.variable ? { parameter_name: slot.variable } : {}) });
				break;
			case 'image':
			case 'video':
			case 'document':
				component.parameters.push({ type: slot.kind, [slot.kind]: mediaReference(value) });
				break;
			case 'latitude':
			case 'longitude':
				// Kept as given when it is not a number, so the check names it instead of sending 0.
				location[slot.kind] = value.trim() === '' ? '' : Number.isFinite(Number(value)) ? Number(value) : value;
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
		}
	}
	if (Object.keys(location).length) componentFor('header').parameters.push({ type: 'location', location });
	return [...components.values()].filter((component) => component.parameters.length > 0);
}

function componentKey(component: SendComponent): string {
	const type = textOf(component.type).toLowerCase();
	return type === 'button' ? `button:${textOf(component.index)}` : type;
}

function describeKey(key: string, template: TemplateDefinition): string {
	if (!key.startsWith('button:')) return key === 'header' ? 'Header' : key === 'body' ? 'Body' : `Component "${key}"`;
	const button = find(template, 'BUTTONS')?.buttons?.[Number(key.slice(7))];
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
	if (nested && typeof nested === 'object') {
		const object = nested as Record<string, unknown>;
		if (type === 'location') return isEmpty(object.latitude) || isEmpty(object.longitude) ? '' : 'ok';
		return object.link ?? object.id ?? object.fallback_value;
	}
	return nested;
}

const TEXT_TYPES = ['text', 'currency', 'date_time'];

/**
 * Compares the components of a send with the template: the right components, the right number and
 * type of parameters in each, no empty value, and `parameter_name` on every text of a named template.
 * [M] reference §6.5 (132000 count mismatch, empty strings refused, named parameters)
 */
export function checkTemplateComponents(template: TemplateDefinition, components: unknown): Violation[] {
	const violations: Violation[] = [];
	const add = (field: string, message: string) => violations.push({ field, message });
	const reference = `template ${template.name} (${template.language})`;
	if (!Array.isArray(components)) {
		add('Components', `Components must be a JSON array of {type, parameters} objects (got ${components === null ? 'null' : typeof components})`);
		return violations;
	}
	const named = usesNamedParameters(template);
	const slots = parameterSlots(template);
	const expected = new Map<string, ParameterSlot[]>();
	for (const slot of slots) expected.set(slot.component, [...(expected.get(slot.component) ?? []), slot]);

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
			add(where, `${where} parameter ${index + 1} must be an object such as {"type": "text", "text": "Ada"} (got ${parameter === null ? 'null' : typeof parameter})`);
			return false;
		});
		if (parameters.length !== component.parameters.length) continue;
		const textSlots = wanted.filter((slot) => slot.kind === 'text');
		if (textSlots.length > 0) {
			const variables = textSlots.map((slot) => label(slot.variable ?? ''));
			if (named) {
				const given = new Set<string>();
				for (const parameter of parameters) {
					const name = typeof parameter.parameter_name === 'string' ? parameter.parameter_name : '';
					if (!name) add(where, `${where} parameter "${textOf(parameterValue(parameter))}" needs a parameter_name: ${reference} uses named variables (${variables.join(', ')})`);
					else if (!textSlots.some((slot) => slot.variable === name)) add(where, `${where} variable ${label(name)} is not in ${reference} (it has ${variables.join(', ')})`);
					else given.add(name);
				}
				for (const slot of textSlots) if (!given.has(slot.variable ?? '')) add(where, `${where} variable ${label(slot.variable ?? '')} has no value`);
			} else if (parameters.length !== textSlots.length) {
				add(where, `${where} has ${textSlots.length} variable${textSlots.length === 1 ? '' : 's'} (${variables.join(', ')}) in ${reference} but ${parameters.length} parameter${parameters.length === 1 ? ' was' : 's were'} given`);
			}
			parameters.forEach((parameter, index) => {
				const type = textOf(parameter.type);
				const slotLabel = named ? label(textOf(parameter.parameter_name ?? index + 1)) : variables[index] ?? `#${index + 1}`;
				if (!TEXT_TYPES.includes(type)) add(where, `${where} variable ${slotLabel} must be of type text, currency or date_time (got "${type}")`);
				else if (isEmpty(parameterValue(parameter))) add(where, `${where} variable ${slotLabel} is empty; every variable needs a value`);
			});
			continue;
		}
		// Media, location and button parameters: exactly one, of the type the template defines.
		const slot = wanted[0];
		const wantedType = slot.kind === 'urlSuffix' ? 'text' : slot.kind === 'payload' ? 'payload' : slot.kind === 'couponCode' ? 'coupon_code' : ['latitude', 'longitude', 'locationName', 'locationAddress'].includes(slot.kind) ? 'location' : slot.kind;
		if (parameters.length !== 1) {
			add(where, `${where} takes exactly 1 parameter of type ${wantedType} in ${reference} (got ${parameters.length})`);
			continue;
		}
		const type = textOf(parameters[0].type);
		if (type !== wantedType) add(where, `${where} parameter must be of type ${wantedType} in ${reference} (got "${type}")`);
		else if (isEmpty(parameterValue(parameters[0]))) add(where, `${where} ${slot.kind === 'urlSuffix' ? 'URL suffix' : wantedType} is empty; it needs a value`);
		else if (type === 'location') {
			const location = isRecord(parameters[0].location) ? parameters[0].location : {};
			for (const [axis, limit] of [['latitude', 90], ['longitude', 180]] as const) {
				const value = Number(location[axis]);
				if (typeof location[axis] !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
					add(where, `${where} location ${axis} must be a number from -${limit} to ${limit} (got ${JSON.stringify(location[axis])})`);
				}
			}
		}
	}
	for (const [key, wanted] of expected) {
		if (seen.has(key) || wanted.every((slot) => !slot.required)) continue;
		const where = describeKey(key, template);
		const variables = wanted.filter((slot) => slot.required).map((slot) => (slot.variable ? label(slot.variable) : slot.label));
		add(where, `${where} needs ${variables.join(', ')} for ${reference}, and none was given`);
	}
	return violations;
}

/** The template part of a POST /messages body (the envelope comes from `addressMessage`). */
export function templateMessageBody(template: TemplateDefinition, components: unknown[]): Record<string, unknown> {
	return {
		type: 'template',
		template: { name: template.name, language: { code: template.language }, ...(components.length ? { components } : {}) },
	};
}
