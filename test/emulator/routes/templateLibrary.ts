/**
 * The emulator's routes. Meta's template library: GET /message_template_library with Meta's filters and
 * Graph cursors, and POST /v1/configs/templates with `library_template_name`, which makes a template
 * from a library entry, approved at once (Meta "Template Library",
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-library).
 * A submission without `library_template_name` is left to routes/templates.ts.
 */
import { metaError, type Route, type RouteAnswer, type Template } from '../core';
import type { Emulator } from '../server';
import { refuseNewTemplate } from './templates';

interface LibraryEntry {
	name: string;
	language: string;
	category: string;
	topic?: string;
	usecase?: string;
	industry: string[];
	header?: string;
	body: string;
	body_params: string[];
	body_param_types: string[];
	buttons: Array<{ type: string; text: string; url?: string; phone_number?: string }>;
	id: string;
}

/** A small library in Meta's shape: the two entries of Meta's page, and a few like them. */
export const TEMPLATE_LIBRARY: LibraryEntry[] = [
	{
		name: 'low_balance_warning_1',
		language: 'en_US',
		category: 'UTILITY',
		topic: 'PAYMENTS',
		usecase: 'LOW_BALANCE_WARNING',
		industry: ['FINANCIAL_SERVICES'],
		header: 'Your account balance is low',
		body: 'Hi {{1}},\nThis is to notify you that your {{2}} in your {{3}} account, ending in {{4}} is below your pre-set {{5}} of {{6}}.\nClick the button to deposit more {{7}}.\n{{8}}',
		body_params: [
			'Jim',
			'available funds',
			'CS Mutual checking plus',
			'1234',
			'limit',
			'$75.00',
			'funds',
			'CS Mutual',
		],
		body_param_types: ['TEXT', 'TEXT', 'TEXT', 'NUMBER', 'TEXT', 'AMOUNT', 'TEXT', 'TEXT'],
		buttons: [
			{ type: 'URL', text: 'Make a deposit', url: 'https://www.example.com/' },
			{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+18005551234' },
		],
		id: '7147013345418927',
	},
	{
		name: 'delivery_update_1',
		language: 'en_US',
		category: 'UTILITY',
		topic: 'ORDER_MANAGEMENT',
		usecase: 'DELIVERY_UPDATE',
		industry: ['E_COMMERCE'],
		body: 'Good news! Your order {{1}} is on its way and should arrive on {{2}}.',
		body_params: ['#12345', 'January 1st, 2024'],
		body_param_types: ['TEXT', 'DATE'],
		buttons: [{ type: 'URL', text: 'Track order', url: 'https://www.example.com/' }],
		id: '7147013345418931',
	},
	{
		name: 'delivery_update_1',
		language: 'de',
		category: 'UTILITY',
		topic: 'ORDER_MANAGEMENT',
		usecase: 'DELIVERY_UPDATE',
		industry: ['E_COMMERCE'],
		body: 'Gute Nachrichten! Deine Bestellung {{1}} ist unterwegs und kommt am {{2}} an.',
		body_params: ['#12345', '01.01.2024'],
		body_param_types: ['TEXT', 'DATE'],
		buttons: [{ type: 'URL', text: 'Sendung verfolgen', url: 'https://www.example.com/' }],
		id: '7147013345418932',
	},
	{
		name: 'delivery_failed_2_form',
		language: 'en_US',
		category: 'UTILITY',
		topic: 'ORDER_MANAGEMENT',
		usecase: 'DELIVERY_FAILED',
		industry: ['E_COMMERCE'],
		body: 'We were unable to deliver order {{1}} today.\n\nPlease {{2}} to schedule another delivery attempt.',
		body_params: ['#12345', 'try a redelivery'],
		body_param_types: ['TEXT', 'TEXT'],
		buttons: [{ type: 'FLOW', text: 'Reschedule' }],
		id: '7138055039625658',
	},
	{
		name: 'payment_confirmation_1',
		language: 'en_US',
		category: 'UTILITY',
		topic: 'PAYMENTS',
		usecase: 'PAYMENT_CONFIRMATION',
		industry: ['E_COMMERCE', 'FINANCIAL_SERVICES'],
		body: 'Hi {{1}}, we received your payment of {{2}} for order {{3}}. Thank you!',
		body_params: ['Jim', '$75.00', '#12345'],
		body_param_types: ['TEXT', 'AMOUNT', 'TEXT'],
		buttons: [],
		id: '7147013345418940',
	},
	{
		name: 'verify_otp_usecase',
		language: 'en_US',
		category: 'AUTHENTICATION',
		industry: [],
		body: '{{1}} is your verification code.',
		body_params: ['123456'],
		body_param_types: ['NUMBER'],
		buttons: [{ type: 'OTP', text: 'Copy code' }],
		id: '7147013345418950',
	},
];

const FILTER_ENUMS: Record<string, string[]> = {
	topic: ['ACCOUNT_UPDATE', 'CUSTOMER_FEEDBACK', 'ORDER_MANAGEMENT', 'PAYMENTS'],
	industry: ['E_COMMERCE', 'FINANCIAL_SERVICES'],
};

function browse(url: URL): RouteAnswer {
	const query = Object.fromEntries(url.searchParams);
	for (const [key, values] of Object.entries(FILTER_ENUMS)) {
		if (query[key] && !values.includes(query[key]))
			return metaError(400, 100, 'Invalid parameter', `${key} must be one of ${values.join(', ')}`);
	}
	const search = (query.search ?? '').toLowerCase();
	const list = TEMPLATE_LIBRARY.filter(
		(entry) =>
			(!search ||
				[entry.name, entry.header ?? '', entry.body].some((text) =>
					text.toLowerCase().includes(search),
				)) &&
			(!query.topic || entry.topic === query.topic) &&
			(!query.usecase || entry.usecase === query.usecase) &&
			(!query.industry || entry.industry.includes(query.industry)) &&
			(!query.language || entry.language === query.language) &&
			(!query.name || entry.name === query.name),
	);
	const limit = Math.max(1, Math.min(Number(query.limit ?? 25) || 25, 100));
	const offset = query.after ? Number(Buffer.from(query.after, 'base64').toString('utf8')) || 0 : 0;
	const page = list.slice(offset, offset + limit);
	const cursor = (at: number) => Buffer.from(String(at)).toString('base64');
	const more = offset + page.length < list.length;
	return {
		status: 200,
		body: {
			data: page,
			paging: {
				cursors: { before: cursor(offset), after: cursor(offset + page.length) },
				...(more
					? { next: `${url.origin}${url.pathname}?after=${cursor(offset + page.length)}` }
					: {}),
			},
		},
	};
}

/** Meta's error for a library submission it refuses: the field and the reason. */
const refuse = (details: string) => metaError(400, 100, 'Invalid parameter', details);

function submitFromLibrary(emulator: Emulator, json: Record<string, any>): RouteAnswer {
	const refused = refuseNewTemplate(emulator, json);
	if (refused) return refused;
	const entry = TEMPLATE_LIBRARY.find(
		(candidate) =>
			candidate.name === json.library_template_name && candidate.language === json.language,
	);
	if (!entry)
		return refuse(
			`library_template_name: ${String(json.library_template_name)} is not a template library template in ${String(json.language)}`,
		);
	if (json.category !== entry.category)
		return refuse(`category: a template from ${entry.name} must be ${entry.category}`);
	// Meta's page sends the inputs as a JSON string; 360dialog's as an array. Both are read.
	let inputs: Array<Record<string, any>> = [];
	try {
		const raw = json.library_template_button_inputs ?? [];
		inputs = typeof raw === 'string' ? JSON.parse(raw) : raw;
	} catch {
		return refuse('library_template_button_inputs must be a JSON array');
	}
	if (!Array.isArray(inputs)) return refuse('library_template_button_inputs must be an array');
	const remaining = [...inputs];
	const buttons = entry.buttons.map((button) => {
		if (!['URL', 'PHONE_NUMBER', 'OTP'].includes(button.type)) return { ...button };
		const at = remaining.findIndex((input) => input?.type === button.type);
		const input = at >= 0 ? remaining.splice(at, 1)[0] : undefined;
		return { ...button, input };
	});
	if (remaining.length)
		return refuse(
			`library_template_button_inputs: ${entry.name} has no ${String(remaining[0]?.type)} button for this input`,
		);
	const components: unknown[] = [];
	if (entry.header) components.push({ type: 'HEADER', format: 'TEXT', text: entry.header });
	components.push({ type: 'BODY', text: entry.body, example: { body_text: [entry.body_params] } });
	const built: unknown[] = [];
	for (const { input, ...button } of buttons as Array<Record<string, any>>) {
		if (!['URL', 'PHONE_NUMBER', 'OTP'].includes(button.type)) {
			built.push(button);
			continue;
		}
		if (!input)
			return refuse(`library_template_button_inputs: the ${button.type} button needs an input`);
		if (button.type === 'URL') {
			const baseUrl = String(input.url?.base_url ?? '');
			if (!/^https?:\/\/\S+$/.test(baseUrl))
				return refuse('library_template_button_inputs: url.base_url must be a URL');
			if (/\{\{1\}\}$/.test(baseUrl) && !input.url?.url_suffix_example)
				return refuse(
					'library_template_button_inputs: url.url_suffix_example is required when base_url has a variable',
				);
			built.push({
				type: 'URL',
				text: button.text,
				url: baseUrl,
				...(input.url?.url_suffix_example ? { example: [input.url.url_suffix_example] } : {}),
			});
		} else if (button.type === 'PHONE_NUMBER') {
			if (!/^\+[1-9]\d{6,14}$/.test(String(input.phone_number ?? '')))
				return refuse(
					'library_template_button_inputs: phone_number must be a phone number with its country code',
				);
			built.push({ type: 'PHONE_NUMBER', text: button.text, phone_number: input.phone_number });
		} else {
			if (!['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'].includes(input.otp_type))
				return refuse(
					'library_template_button_inputs: otp_type must be COPY_CODE, ONE_TAP or ZERO_TAP',
				);
			built.push({ type: 'OTP', otp_type: input.otp_type, text: button.text });
		}
	}
	if (built.length) components.push({ type: 'BUTTONS', buttons: built });
	const template: Template = {
		id: emulator.nextId('T'),
		name: json.name,
		language: json.language,
		category: entry.category,
		status: 'approved',
		rejected_reason: 'NONE',
		components,
		library_template_name: entry.name,
	};
	emulator.templates.push(template);
	return {
		status: 200,
		body: { id: template.id, status: 'APPROVED', category: template.category },
	};
}

export const templateLibraryRoute: Route = (emulator, { method, path, url, json }) => {
	if (path === '/message_template_library' && method === 'GET') return browse(url);
	if (
		path === '/v1/configs/templates' &&
		method === 'POST' &&
		json.library_template_name !== undefined
	)
		return submitFromLibrary(emulator, json);
	return undefined;
};
