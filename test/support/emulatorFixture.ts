import { Emulator, type EmulatorOptions } from '../emulator/server';
import { SENTINEL_API_KEY } from './sentinel';

/** One emulator per test file: started before the tests, reset before each, stopped after. */
export function useEmulator(options?: EmulatorOptions): {
	emulator: Emulator;
	readonly baseUrl: string;
} {
	const emulator = new Emulator({ apiKeys: [SENTINEL_API_KEY], ...options });
	beforeAll(async () => {
		await emulator.start();
	});
	afterAll(() => emulator.stop());
	beforeEach(() => emulator.reset());
	return {
		emulator,
		get baseUrl() {
			return emulator.baseUrl;
		},
	};
}
