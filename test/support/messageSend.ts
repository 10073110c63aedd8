import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useEmulator } from './emulatorFixture';
import { emulatorCredentials, runActionNode } from './n8nCore';

export const TO = '+44 7700 900123';
export const DIGITS = '447700900123';

/** One emulator per test file and `send`: Message › Send to TO with the given parameters. */
export function useMessageSend() {
	const fixture = useEmulator();

	async function send(parameters: INodeParameters, items?: IDataObject[]) {
		return await runActionNode({
			parameters: { resource: 'message', operation: 'send', to: TO, ...parameters },
			items,
			credentials: emulatorCredentials(fixture.baseUrl),
		});
	}

	return { fixture, send };
}
