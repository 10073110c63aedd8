import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from './emulatorFixture';
import { emulatorCredentials } from './n8nCore';
import { TriggerHarness } from './triggerHarness';

/**
 * One emulator per test file and `trigger`: a started trigger node in a workflow of its own,
 * stopped after each test.
 */
export function useTriggers() {
	const fixture = useEmulator();
	const harnesses: TriggerHarness[] = [];
	let workflows = 0;

	async function trigger(
		parameters: INodeParameters = {},
		credentials = emulatorCredentials(fixture.baseUrl),
	): Promise<TriggerHarness> {
		// A workflow of its own per test: the dedupe memory is per workflow and trigger node.
		const harness = new TriggerHarness(
			{ events: ['message', 'status', 'error'], ...parameters },
			credentials,
			{ workflowId: `trigger-workflow-${++workflows}` },
		);
		await harness.start();
		harnesses.push(harness);
		return harness;
	}

	afterEach(async () => {
		jest.restoreAllMocks(); // holdClock's, also after a failure
		await Promise.all(harnesses.splice(0).map(async (harness) => await harness.stop()));
	});

	return { fixture, trigger };
}
