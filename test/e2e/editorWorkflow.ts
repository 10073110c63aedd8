/**
 * The workflow the editor check opens: one 360dialog node per resource and operation (and the
 * trigger), the nodes where it pastes or types a template, and a node that breaks two rules.
 */
import { mapperValue } from '../support/mapper';

export const CREDENTIAL = { dialog360Api: { id: 'editorCredential1', name: '360dialog emulator' } };

/** An empty Template › Submit node, where the test pastes a template as a user would. */
export const PASTE_NODE = 'Paste a Template';

/**
 * An empty Template › Submit node after a trigger pinned to one item, where the test switches the
 * Body to an expression and writes `{{ $json.when }}` in it, as a user does.
 */
export const EXPRESSION_NODE = 'Body as an Expression';
export const PINNED_INPUT = 'Pinned Input';

/** A profile update that breaks two rules: its error panel must list them one per line. */
export const RULE_ERRORS = 'Two rules broken';

/** A node with a required field left empty: the check must find its issue, or it finds none at all. */
export const CONTROL = 'Control: no recipient';

/** One node per resource and operation, with what each needs filled in. */
export const OPERATIONS: Array<[name: string, parameters: Record<string, unknown>]> = [
	[
		'Message Send',
		{
			resource: 'message',
			operation: 'send',
			to: '+447700900123',
			messageType: 'text',
			text: 'Hello',
		},
	],
	[
		'Message Send Template',
		{
			resource: 'message',
			operation: 'sendTemplate',
			to: '+447700900123',
			template: {
				__rl: true,
				mode: 'list',
				value: 'order_shipped|en_US',
				cachedResultName: 'order_shipped (en_US)',
			},
			templateParameters: mapperValue(
				{
					header_image: 'https://example.com/parcel.jpg',
					body_1: 'Ada',
					body_2: '#1042',
					button_0_url: '1042',
				},
				{
					header_image: 'Header Image (Link or Media ID)',
					body_1: 'Body {{1}}',
					body_2: 'Body {{2}}',
					button_0_url: 'Button "Track parcel" URL Suffix',
				},
			),
		},
	],
	[
		'Message Send and Wait',
		{
			resource: 'message',
			operation: 'sendAndWait',
			to: '+447700900123',
			responseType: 'approval',
			message: 'Refund 25.00 EUR for order #1042?',
			limitWaitTime: true,
			resumeAmount: 1,
			resumeUnit: 'days',
		},
	],
	[
		'Message Send Flow',
		{
			resource: 'message',
			operation: 'send',
			to: '+447700900123',
			messageType: 'flow',
			body: 'Tell us what you need',
			flowId: { __rl: true, mode: 'id', value: '1234567890123456' },
			flowCta: 'Get a quote',
			flowScreen: 'LEAD_FORM',
			flowData: '{ "source": "editor" }',
		},
	],
	[
		'Message Send and Wait Form',
		{
			resource: 'message',
			operation: 'sendAndWait',
			to: '+447700900123',
			responseType: 'form',
			message: 'Tell us about your project',
			flowId: { __rl: true, mode: 'id', value: '1234567890123456' },
			flowCta: 'Open form',
			flowScreen: 'LEAD_FORM',
			flowData: '{ "source": "website" }',
			flowMode: 'draft',
		},
	],
	['Message Mark as Read', { resource: 'message', operation: 'markAsRead', messageId: 'wamid.1' }],
	['Media Upload', { resource: 'media', operation: 'upload' }],
	['Media Download', { resource: 'media', operation: 'download', mediaId: '123' }],
	['Media Delete', { resource: 'media', operation: 'delete', mediaId: '123' }],
	[
		'Template Submit',
		{
			resource: 'template',
			operation: 'submit',
			name: 'order_update',
			body: 'Hi {{1}}, thanks.',
			bodyVariableSamples: mapperValue({ '1': 'Ada' }, { '1': 'Sample for {{1}}' }),
		},
	],
	[
		'Template Submit Version 1',
		{
			resource: 'template',
			operation: 'submit',
			name: 'order_update',
			body: 'Hi {{1}}, thanks.',
			bodySamples: ['Ada'],
		},
	],
	[
		'Template Submit Flow Button',
		{
			resource: 'template',
			operation: 'submit',
			name: 'lead_invite',
			category: 'MARKETING',
			body: 'Want a quote?',
			buttons: {
				button: [
					{
						type: 'FLOW',
						text: 'Get a quote',
						flowId: '1234567890123456',
						navigateScreen: 'LEAD_FORM',
					},
				],
			},
		},
	],
	[
		'Template Submit From Library',
		{
			resource: 'template',
			operation: 'submitFromLibrary',
			name: 'my_delivery_update',
			libraryTemplate: { __rl: true, mode: 'name', value: 'delivery_update_1' },
			buttonInputs: { buttonInput: [{ type: 'URL', url: 'https://example.com/track' }] },
		},
	],
	[
		'Template Browse Library',
		{ resource: 'template', operation: 'browseLibrary', filters: { topic: 'ORDER_MANAGEMENT' } },
	],
	['Template List', { resource: 'template', operation: 'list' }],
	['Template Sync', { resource: 'template', operation: 'sync' }],
	[
		'Template Get',
		{
			resource: 'template',
			operation: 'get',
			template: { __rl: true, mode: 'id', value: 'welcome_back|en' },
		},
	],
	['Template Delete', { resource: 'template', operation: 'delete', templateName: 'welcome_back' }],
	['Profile Get', { resource: 'profile', operation: 'get' }],
	[
		'Profile Update',
		{ resource: 'profile', operation: 'update', updateFields: { about: 'Open 9–5' } },
	],
	['Flow List', { resource: 'flow', operation: 'list' }],
	[
		'Flow Get',
		{
			resource: 'flow',
			operation: 'get',
			flowId: { __rl: true, mode: 'id', value: '1234567890123456' },
		},
	],
	['Contact Block', { resource: 'contact', operation: 'block', contacts: '+4915112345678' }],
	['Contact Unblock', { resource: 'contact', operation: 'unblock', contacts: '+4915112345678' }],
	['Contact List Blocked', { resource: 'contact', operation: 'listBlocked' }],
	['Account Get Health', { resource: 'account', operation: 'getHealth' }],
	[
		'Account Get Webhook Configuration',
		{ resource: 'account', operation: 'getWebhookConfiguration' },
	],
	[CONTROL, { resource: 'message', operation: 'send', to: '', messageType: 'text', text: 'Hello' }],
];

/** The operations stand in a grid of 5 columns; the other nodes below it, where none covers another. */
const BELOW_GRID = (Math.ceil(OPERATIONS.length / 5) + 1) * 200;

export const EDITOR_NODES = [
	...OPERATIONS.map(([name, parameters], index) => ({
		id: `e0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		name,
		type: 'n8n-nodes-360dialog.dialog360',
		typeVersion: name.endsWith('Version 1') ? 1 : 1.1,
		position: [(index % 5) * 260, Math.floor(index / 5) * 200],
		parameters,
		credentials: CREDENTIAL,
	})),
	{
		id: 'e0000000-0000-4000-8000-888888888888',
		name: PASTE_NODE,
		type: 'n8n-nodes-360dialog.dialog360',
		typeVersion: 1.1,
		position: [0, BELOW_GRID],
		parameters: {
			resource: 'template',
			operation: 'submit',
			name: 'pasted_template',
			category: 'UTILITY',
			language: 'en',
		},
		credentials: CREDENTIAL,
	},
	{
		id: 'e0000000-0000-4000-8000-777777777777',
		name: PINNED_INPUT,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [300, BELOW_GRID + 200],
		parameters: {},
	},
	{
		id: 'e0000000-0000-4000-8000-777777777778',
		name: EXPRESSION_NODE,
		type: 'n8n-nodes-360dialog.dialog360',
		typeVersion: 1.1,
		position: [560, BELOW_GRID + 200],
		parameters: {
			resource: 'template',
			operation: 'submit',
			name: 'expression_body',
			category: 'UTILITY',
			language: 'en',
		},
		credentials: CREDENTIAL,
	},
	{
		id: 'e0000000-0000-4000-8000-777777777779',
		name: RULE_ERRORS,
		type: 'n8n-nodes-360dialog.dialog360',
		typeVersion: 1.1,
		position: [260, BELOW_GRID],
		parameters: {
			resource: 'profile',
			operation: 'update',
			updateFields: { about: 'a'.repeat(150), email: 'nope' },
		},
		credentials: CREDENTIAL,
	},
	{
		id: 'e0000000-0000-4000-8000-999999999999',
		name: 'Trigger',
		type: 'n8n-nodes-360dialog.dialog360Trigger',
		typeVersion: 1.1,
		position: [520, BELOW_GRID],
		webhookId: 'e0000000-0000-4000-8000-aaaaaaaaaaaa',
		parameters: { events: ['message', 'status'] },
		credentials: CREDENTIAL,
	},
];

/** The pinned item the expression Body reads, and its connection. */
export const EDITOR_CONNECTIONS = {
	[PINNED_INPUT]: { main: [[{ node: EXPRESSION_NODE, type: 'main', index: 0 }]] },
};
export const EDITOR_PIN_DATA = { [PINNED_INPUT]: [{ json: { when: 'today' } }] };
