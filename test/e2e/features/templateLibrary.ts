/** End-to-end tests. Meta's template library: browse it, make a template from an entry, list it. */
import { callWebhook, type E2eContext } from '../harness';

/** Browse Library → Submit From Library → Template › List, through a webhook workflow. */
export function templateLibraryTests(ctx: E2eContext): void {
	it('browses the library, submits a template from an entry, and List shows it APPROVED', async () => {
		const answer = await callWebhook(`${ctx.n8n.webhookUrl}/webhook/smoke-template-library`, {
			search: 'delivery',
			name: 'e2e_from_library',
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual([
			expect.objectContaining({
				name: 'e2e_from_library',
				language: 'en_US',
				category: 'UTILITY',
				status: 'APPROVED',
			}),
		]);
		// Browse Library's search, then Submit From Library's lookup of the chosen entry.
		const browsed = ctx.emulator
			.requestsTo('GET', '/message_template_library')
			.map((request) => request.query);
		expect(browsed).toContainEqual(
			expect.objectContaining({ search: 'delivery', topic: 'ORDER_MANAGEMENT', language: 'en_US' }),
		);
		expect(browsed).toContainEqual(
			expect.objectContaining({ name: 'delivery_update_1', language: 'en_US' }),
		);
		const submitted = ctx.emulator
			.requestsTo('POST', '/v1/configs/templates')
			.find((request) => (request.body as { name?: string }).name === 'e2e_from_library');
		expect(submitted?.body).toEqual({
			name: 'e2e_from_library',
			category: 'UTILITY',
			language: 'en_US',
			library_template_name: 'delivery_update_1',
			library_template_button_inputs: [
				{
					type: 'URL',
					url: {
						base_url: 'https://shop.example/track/{{1}}',
						url_suffix_example: 'https://shop.example/track/123',
					},
				},
			],
		});
	});
}
