/**
 * Which values a template needs, derived from its components: one slot per header value, body
 * variable, URL-button suffix, quick-reply payload and coupon code.
 */
import { capitalize } from '../checks';

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

export type SlotKind =
	| 'text'
	| 'image'
	| 'video'
	| 'document'
	| 'latitude'
	| 'longitude'
	| 'locationName'
	| 'locationAddress'
	| 'urlSuffix'
	| 'payload'
	| 'couponCode'
	| 'flowToken'
	| 'flowData';

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
	/** The id of the slot whose value this one repeats (an authentication template's code button). */
	sameAs?: string;
}

const VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Variables in the order they first appear: "Hi {{1}}, {{2}}" → ["1", "2"]. */
export function templateVariables(text: string | undefined): string[] {
	const names: string[] = [];
	for (const match of (text ?? '').matchAll(VARIABLE))
		if (!names.includes(match[1])) names.push(match[1]);
	return names;
}

export function usesNamedParameters(template: TemplateDefinition): boolean {
	if (template.parameter_format) return template.parameter_format.toUpperCase() === 'NAMED';
	return (template.components ?? []).some((component) =>
		templateVariables(component.text).some((name) => !/^\d+$/.test(name)),
	);
}

/** The template's component of a type (HEADER, BODY, BUTTONS). */
export function componentOf(
	template: TemplateDefinition,
	type: string,
): TemplateComponent | undefined {
	return (template.components ?? []).find((component) => component.type?.toUpperCase() === type);
}

/** A variable as written in the template: "{{1}}". */
export const variableLabel = (variable: string) => `{{${variable}}}`;
const idPart = (variable: string) => variable.replace(/[^A-Za-z0-9_]/g, '_');

/** Every value the template asks for, header first, then body, then buttons. */
export function parameterSlots(template: TemplateDefinition): ParameterSlot[] {
	const slots: ParameterSlot[] = [];
	const header = componentOf(template, 'HEADER');
	const format = header?.format?.toUpperCase();
	if (header && format === 'TEXT') {
		for (const variable of templateVariables(header.text)) {
			slots.push({
				id: `header_${idPart(variable)}`,
				label: `Header ${variableLabel(variable)}`,
				component: 'header',
				kind: 'text',
				variable,
				required: true,
				help: `In the header: ${header.text}`,
			});
		}
	} else if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') {
		const kind = format.toLowerCase() as 'image' | 'video' | 'document';
		slots.push({
			id: `header_${kind}`,
			// The mapper shows no help under a field, so the label says what it takes.
			label: `Header ${capitalize(kind)} (Link or Media ID)`,
			component: 'header',
			kind,
			required: true,
			help: `A public URL or a media ID of the ${kind} shown in the header`,
		});
	} else if (format === 'LOCATION') {
		slots.push(
			{
				id: 'header_latitude',
				label: 'Header Latitude',
				component: 'header',
				kind: 'latitude',
				required: true,
				help: 'From -90 to 90',
			},
			{
				id: 'header_longitude',
				label: 'Header Longitude',
				component: 'header',
				kind: 'longitude',
				required: true,
				help: 'From -180 to 180',
			},
			{
				id: 'header_location_name',
				label: 'Header Location Name',
				component: 'header',
				kind: 'locationName',
				required: false,
				help: 'The name shown on the map pin',
			},
			{
				id: 'header_location_address',
				label: 'Header Location Address',
				component: 'header',
				kind: 'locationAddress',
				required: false,
				help: 'The address under the name',
			},
		);
	}
	const body = componentOf(template, 'BODY');
	for (const variable of templateVariables(body?.text)) {
		slots.push({
			id: `body_${idPart(variable)}`,
			label: `Body ${variableLabel(variable)}`,
			component: 'body',
			kind: 'text',
			variable,
			required: true,
			help: `In the body: ${(body?.text ?? '').slice(0, 200)}`,
		});
	}
	const authentication = template.category?.toUpperCase() === 'AUTHENTICATION';
	const codeSlot = slots.find((slot) => slot.component === 'body');
	if (authentication && codeSlot) codeSlot.label = `${codeSlot.label} (One-Time Code)`;
	(componentOf(template, 'BUTTONS')?.buttons ?? []).forEach((button, index) => {
		const type = button.type?.toUpperCase();
		if (authentication && codeSlot && (type === 'OTP' || type === 'URL')) {
			// Meta "Copy code authentication templates": the code button (stored as a URL button) is
			// sent with the same code as the body.
			slots.push({
				id: `button_${index}_code`,
				label: `Button "${button.text ?? 'Copy code'}" Code`,
				component: `button:${index}`,
				kind: 'urlSuffix',
				required: true,
				help: 'The same one-time code as the body; filled in from it',
				sameAs: codeSlot.id,
			});
		} else if (type === 'URL' && templateVariables(button.url).length > 0) {
			slots.push({
				id: `button_${index}_url`,
				label: `Button "${button.text ?? index + 1}" URL Suffix`,
				component: `button:${index}`,
				kind: 'urlSuffix',
				required: true,
				help: `Replaces the variable at the end of ${button.url}`,
			});
		} else if (type === 'QUICK_REPLY') {
			slots.push({
				id: `button_${index}_payload`,
				label: `Button "${button.text ?? index + 1}" Payload`,
				component: `button:${index}`,
				kind: 'payload',
				required: false,
				help: 'Comes back in the reply event when the contact taps the button; the button text if empty',
			});
		} else if (type === 'COPY_CODE') {
			slots.push({
				id: `button_${index}_coupon_code`,
				label: `Button "${button.text ?? 'Copy code'}" Coupon Code`,
				component: `button:${index}`,
				kind: 'couponCode',
				required: true,
				help: 'The code the contact copies',
			});
		} else if (type === 'FLOW') {
			// Meta "Flows Templates": the send may give the flow button a flow_token and the first
			// screen's data (flow_action_data), both optional.
			slots.push(
				{
					id: `button_${index}_flow_token`,
					label: `Button "${button.text ?? 'Flow'}" Flow Token`,
					component: `button:${index}`,
					kind: 'flowToken',
					required: false,
					help: 'Comes back with the answer; the node makes one when empty (returned as flowToken)',
				},
				{
					id: `button_${index}_flow_data`,
					label: `Button "${button.text ?? 'Flow'}" Screen Data (JSON)`,
					component: `button:${index}`,
					kind: 'flowData',
					required: false,
					help: 'Data for the first screen, as a JSON object; empty for none',
				},
			);
		}
	});
	return slots;
}
