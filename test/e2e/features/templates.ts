/** End-to-end tests. Templates: submitting one, and Sync remembering it between executions. */
import { lastExecutionError, callWebhook, type E2eContext } from '../harness';

/** Template submission and Sync. */
export function templatesTests(ctx: E2eContext): void {
	const { workersLoseStaticData } = ctx;

	it('submits a template, and Sync remembers it between executions, or says n8n lost its state', async () => {
		const first = await callWebhook(`${ctx.n8n.webhookUrl}/webhook/smoke-templates`, {
			name: 'e2e_first',
		});
		expect(first.status).toBe(200);
		expect(first.body).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ name: 'e2e_first', change: 'new', status: 'SUBMITTED' }),
			]),
		);
		const second = await callWebhook(`${ctx.n8n.webhookUrl}/webhook/smoke-templates`, {
			name: 'e2e_second',
		});
		if (workersLoseStaticData) {
			// The worker got no static data: Sync says so instead of calling every template new.
			expect(second.status).toBe(500);
			expect(await lastExecutionError(ctx.n8n, 'smokeTemplates01')).toContain(
				'n8n did not give this node the state of its previous sync',
			);
			// …and names the way that works in queue mode.
			expect(await lastExecutionError(ctx.n8n, 'smokeTemplates01')).toContain(
				'360dialog Template Changes Trigger',
			);
			return;
		}
		const changes = Object.fromEntries(
			(second.body as Array<{ name: string; change: string }>).map((template) => [
				template.name,
				template.change,
			]),
		);
		expect(changes).toMatchObject({ e2e_first: 'unchanged', e2e_second: 'new' });
	});
}
