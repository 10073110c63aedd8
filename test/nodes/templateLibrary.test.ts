/**
 * Template › Browse Library and Submit From Library through n8n-core against the emulator: the
 * library's filters reach the API and pages are followed; a submission sends the library name and
 * the button inputs, and comes back approved; a refusal names the field, per item.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { useEmulator } from '../support/emulatorFixture';
import { callNodeMethod, emulatorCredentials, errorOf, runActionNode } from '../support/n8nCore';

const fixture = useEmulator();

function template(
	parameters: IDataObject,
	extra: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return runActionNode({
		parameters: { resource: 'template', ...parameters },
		credentials: emulatorCredentials(fixture.baseUrl),
		...extra,
	});
}

const libraryRequests = () => fixture.emulator.requestsTo('GET', '/message_template_library');

describe('Template › Browse Library', () => {
	it('sends the search and filters, and outputs each entry with what its buttons need', async () => {
		const run = await template({
			operation: 'browseLibrary',
			search: 'balance',
			returnAll: true,
			filters: { topic: 'PAYMENTS', industry: 'FINANCIAL_SERVICES', language: 'en_US' },
		});
		expect(run.error).toBeUndefined();
		expect(libraryRequests()[0].query).toEqual(
			expect.objectContaining({
				search: 'balance',
				topic: 'PAYMENTS',
				industry: 'FINANCIAL_SERVICES',
				language: 'en_US',
			}),
		);
		expect(run.items.map((item) => item.json)).toEqual([
			{
				name: 'low_balance_warning_1',
				category: 'UTILITY',
				language: 'en_US',
				topic: 'PAYMENTS',
				useCase: 'LOW_BALANCE_WARNING',
				industry: ['FINANCIAL_SERVICES'],
				header: 'Your account balance is low',
				body: expect.stringContaining('Hi {{1}}'),
				bodySamples: expect.arrayContaining(['Jim']),
				buttons: [
					{
						type: 'URL',
						text: 'Make a deposit',
						example: 'https://www.example.com/',
						needs: expect.stringContaining('Your URL'),
					},
					{
						type: 'PHONE_NUMBER',
						text: 'Call us',
						example: '+18005551234',
						needs: 'Your phone number',
					},
				],
			},
		]);
	});

	it('follows the cursors for Return All, stops at the Limit, and gives raw entries unsimplified', async () => {
		const all = await template({ operation: 'browseLibrary', returnAll: true });
		expect(all.items).toHaveLength(6);
		fixture.emulator.reset();
		const two = await template({ operation: 'browseLibrary', limit: 2, simplify: false });
		expect(two.items.map((item) => item.json.name)).toEqual([
			'low_balance_warning_1',
			'delivery_update_1',
		]);
		expect(two.items[0].json).toHaveProperty('usecase', 'LOW_BALANCE_WARNING');
		expect(libraryRequests()).toHaveLength(1);
		expect(libraryRequests()[0].query.limit).toBe('2');
	});

	it("lists the library in the node's language for the Library Template picker", async () => {
		const found = await callNodeMethod<INodeListSearchResult>(
			'listSearch',
			'searchLibraryTemplates',
			{ resource: 'template', operation: 'submitFromLibrary', language: 'de' },
			emulatorCredentials(fixture.baseUrl),
			['delivery'],
		);
		expect(found.results).toEqual([
			{
				name: 'delivery_update_1 · utility',
				value: 'delivery_update_1',
				description: expect.stringContaining('Bestellung'),
			},
		]);
	});
});

describe('Template › Submit From Library', () => {
	const lowBalance = {
		operation: 'submitFromLibrary',
		name: 'my_low_balance',
		language: 'en_US',
		libraryTemplate: { __rl: true, mode: 'list', value: 'low_balance_warning_1' },
		buttonInputs: {
			buttonInput: [
				{
					type: 'URL',
					url: 'https://bank.example/deposit/{{1}}',
					urlSample: 'https://bank.example/deposit/42',
				},
				{ type: 'PHONE_NUMBER', phoneNumber: '+49 30 123456' },
			],
		},
	};

	it('submits the library name and button inputs; the template is approved and listed', async () => {
		const run = await template(lowBalance);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toEqual({
			id: expect.any(String),
			name: 'my_low_balance',
			language: 'en_US',
			category: 'UTILITY',
			libraryTemplateName: 'low_balance_warning_1',
			status: 'APPROVED',
		});
		expect(fixture.emulator.requestsTo('POST', '/v1/configs/templates')[0].body).toEqual({
			name: 'my_low_balance',
			category: 'UTILITY',
			language: 'en_US',
			library_template_name: 'low_balance_warning_1',
			library_template_button_inputs: [
				{
					type: 'URL',
					url: {
						base_url: 'https://bank.example/deposit/{{1}}',
						url_suffix_example: 'https://bank.example/deposit/42',
					},
				},
				{ type: 'PHONE_NUMBER', phone_number: '+4930123456' },
			],
		});
		const listed = await template({ operation: 'list', returnAll: true });
		expect(listed.items.map((item) => [item.json.name, item.json.status])).toEqual([
			['my_low_balance', 'APPROVED'],
		]);
	});

	it('refuses, per item and before sending, a missing input, an unknown entry and a bad URL, naming the field', async () => {
		const run = await template(
			{
				...lowBalance,
				name: '={{ $json.name }}',
				libraryTemplate: { __rl: true, mode: 'name', value: '={{ $json.library }}' },
				buttonInputs: {
					buttonInput: [
						{ type: 'URL', url: '={{ $json.url }}' },
						{ type: 'PHONE_NUMBER', phoneNumber: '+4930123456' },
					],
				},
			},
			{
				continueOnFail: true,
				items: [
					{ name: 'ok_one', library: 'low_balance_warning_1', url: 'https://bank.example/d' },
					{ name: 'no_such', library: 'low_balance_warning_9', url: 'https://bank.example/d' },
					{ name: 'bad_url', library: 'low_balance_warning_1', url: 'bank.example/d' },
					{ name: 'too_many', library: 'delivery_update_1', url: 'https://shop.example/t' },
				],
			},
		);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.status).toBe('APPROVED');
		expect(errorOf(run.items[1]).message).toContain(
			`Library Template "low_balance_warning_9" is not in WhatsApp's template library in en_US`,
		);
		expect(errorOf(run.items[2]).message).toContain(
			'Button Input 1 URL must start with http:// or https://',
		);
		expect(errorOf(run.items[3]).message).toContain(
			'Button Input 2 is for a phone-number button, but the library template delivery_update_1 has none',
		);
		// Only the good item reached the API.
		expect(fixture.emulator.requestsTo('POST', '/v1/configs/templates')).toHaveLength(1);
	});

	it("passes on 360dialog's refusal of an entry as an item error", async () => {
		// The emulator's library lacks the entry although the lookup found it (the library changed).
		fixture.emulator.inject({
			method: 'POST',
			path: '/v1/configs/templates',
			status: 400,
			body: {
				error: {
					message: '(#100) Invalid parameter',
					type: 'OAuthException',
					code: 100,
					error_data: { details: 'library_template_name: not a template library template' },
				},
			},
		});
		const run = await template(lowBalance, { continueOnFail: true });
		expect(errorOf(run.items[0]).message).toMatch(/Invalid parameter/);
	});
});
