/**
 * The trigger's webhook lifecycle (n8n's webhookMethods): whether this workflow is registered, joining
 * 360dialog's webhook of the number on activation or a test, and leaving it afterwards.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { reportViolations } from '../domain/checks';
import { WEBHOOK_URL_RULES, webhookUrlViolations } from '../domain/webhookUrl';
import { resolveCredentials } from '../transport/credentials';
import { joinWebhook, leaveWebhook, registrationExists } from './registration';

/** 360dialog's URL rules apply to its hosts; a custom base URL (a proxy, the emulator) is not checked. */
async function assertReachableUrl(ctx: IHookFunctions, url: string): Promise<void> {
	const { environment } = await resolveCredentials.call(ctx);
	if (environment === 'custom') return;
	const violations = webhookUrlViolations(url);
	if (violations.length) {
		const report = reportViolations(violations, "n8n's webhook URL");
		throw new NodeOperationError(ctx.getNode(), report.message, {
			description: [...report.lines, WEBHOOK_URL_RULES.exposeHelp].join('\n'),
		});
	}
}

function joinsAsExtraDestination(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('registerAs', 'main') === 'extra';
}

export const webhookLifecycle = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return await registrationExists(
			this,
			this.getNodeWebhookUrl('default') as string,
			joinsAsExtraDestination(this),
		);
	},
	async create(this: IHookFunctions): Promise<boolean> {
		const url = this.getNodeWebhookUrl('default') as string;
		await assertReachableUrl(this, url);
		await joinWebhook(this, url, joinsAsExtraDestination(this));
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		await leaveWebhook(this, this.getNodeWebhookUrl('default') as string);
		return true;
	},
};
