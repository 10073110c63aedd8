/**
 * `npm run emulator`: the local 360dialog emulator on 127.0.0.1, for trying workflows without an
 * account. Point a "360dialog API" credential at it (Environment: Custom URL).
 *   EMULATOR_PORT (default 8360), EMULATOR_API_KEY (default emulator-key), EMULATOR_TEMPLATES (seeded, default 3)
 */
import { Emulator } from './server';

async function main() {
	const port = Number(process.env.EMULATOR_PORT ?? 8360);
	const apiKey = process.env.EMULATOR_API_KEY ?? 'emulator-key';
	const emulator = new Emulator({ port, apiKeys: [apiKey] });
	emulator.seedTemplates(Number(process.env.EMULATOR_TEMPLATES ?? 3));
	const url = await emulator.start();
	console.log(`360dialog emulator listening on ${url}`);
	console.log(
		`Credential: Environment "Custom URL", Base URL ${url}, API Key ${apiKey === 'emulator-key' ? apiKey : '(from EMULATOR_API_KEY)'}`,
	);
	console.log(
		`Controls: GET ${url}/__emulator/requests, GET ${url}/__emulator/state, POST ${url}/__emulator/deliver (a webhook body)`,
	);
	const shutdown = () => emulator.stop().then(() => process.exit(0));
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
