/**
 * Send and Wait for Response through n8n-core, for the node tests: an emulator, an active trigger
 * harness (a new workflow per test, so no state leaks between tests), and the action node run as
 * an execution that then waits in the harness's waiting webhooks.
 */
import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from './emulatorFixture';
import { emulatorCredentials, runActionNode } from './n8nCore';
import { TriggerHarness } from './triggerHarness';

export const MANAGER = '+44 7700 900123';
export const MANAGER_WA_ID = '447700900123';

export function useSendAndWait() {
	const fixture = useEmulator();
	let harness: TriggerHarness;
	let workflows = 0;

	beforeEach(async () => {
		harness = new TriggerHarness(
			{ events: ['message', 'status'] },
			emulatorCredentials(fixture.baseUrl),
			{ workflowId: `answers-${++workflows}` },
		);
		await harness.start();
		await harness.activate();
	});

	afterEach(async () => {
		await harness.stop();
	});

	return {
		fixture,
		get harness() {
			return harness;
		},
		/** The trigger node's own static data, where it keeps the Free Text questions that wait. */
		pendingWaits: () =>
			(
				harness.staticData['node:360dialog WhatsApp Trigger'] as
					{ pendingWaits?: object } | undefined
			)?.pendingWaits,
		/** Runs Send and Wait as execution `executionId`, which then waits (as n8n records it). */
		async askAndWait(executionId: string, parameters: INodeParameters) {
			const run = await runActionNode({
				credentials: emulatorCredentials(fixture.baseUrl),
				executionId,
				webhookWaitingBaseUrl: harness.waitingBaseUrl,
				parameters: { resource: 'message', operation: 'sendAndWait', ...parameters },
			});
			if (!run.error) harness.waitingExecutions.add(executionId);
			return run;
		},
	};
}
