/**
 * Where the trigger keeps the Free Text questions that wait (domain/pendingWaits.ts): its static
 * data, merged with a journal in this process's memory.
 *
 * n8n gives each delivery its own copy of the workflow's static data (LiveWebhooks.executeWebhook
 * builds the Workflow from the database row) and writes that copy back whole once the webhook
 * function has answered (`saveStaticData` in the response callback), so two deliveries that change it
 * at once overwrite each other. n8n offers a webhook function no other store (n8n-core's
 * WebhookContext has no data tables or deduplication helpers). So every read is the merge of the
 * stored copy and the journal, every change goes to the journal at once (no await in between), and
 * the merged state is written back to the stored copy: within one n8n process no delivery loses a
 * wait or reopens an answered one, and the stored copy catches up with the next delivery that writes.
 * Source: https://github.com/n8n-io/n8n/blob/master/packages/cli/src/webhooks/live-webhooks.ts
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { mergeWaits, sameWaits, type PendingWaits } from '../domain/pendingWaits';

/** Per trigger (mode, workflow and node: a test run has its own static data) in this process. */
const journals = new Map<string, PendingWaits>();

export class WaitJournal {
	private readonly scope: string;
	private readonly stored: IDataObject;

	constructor(ctx: IWebhookFunctions) {
		this.scope = `${ctx.getMode()}:${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
		this.stored = ctx.getWorkflowStaticData('node') as IDataObject;
	}

	private get storedWaits(): PendingWaits {
		return (this.stored.pendingWaits ?? {}) as PendingWaits;
	}

	/** The waits as this delivery and every earlier one in this process left them. */
	read(now = Date.now()): PendingWaits {
		const merged = mergeWaits(this.storedWaits, journals.get(this.scope) ?? {}, now);
		journals.set(this.scope, merged);
		return merged;
	}

	/** Applies a change to the current waits, at once for every delivery in this process. */
	update(change: (pending: PendingWaits) => PendingWaits, now = Date.now()): void {
		journals.set(this.scope, change(this.read(now)));
	}

	/** Writes the merged waits into this delivery's static data, which n8n then stores. */
	save(now = Date.now()): void {
		const merged = this.read(now);
		if (!sameWaits(merged, this.storedWaits)) this.stored.pendingWaits = merged;
	}
}
