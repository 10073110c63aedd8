/**
 * `npm run emulator`: the local 360dialog emulator on 127.0.0.1, with the demo templates, for trying
 * workflows without an account. Point a "360dialog API" credential at it (Environment: Custom URL).
 *   EMULATOR_PORT (default 8360), EMULATOR_API_KEY (default emulator-key)
 *
 * `npm run emulator -- deliver <kind>`: a running emulator (EMULATOR_URL, default
 * http://127.0.0.1:8360, as `npm run dev` starts it) sends a sample event to the webhook the trigger
 * registered. `npm run emulator -- deliver` lists the kinds.
 */
import { request } from '../support/http';
import { SAMPLE_EVENTS } from './demo';
import { Emulator } from './server';

async function serve() {
	const port = Number(process.env.EMULATOR_PORT ?? 8360);
	const apiKey = process.env.EMULATOR_API_KEY ?? 'emulator-key';
	const emulator = new Emulator({ port, apiKeys: [apiKey] });
	emulator.seedDemoTemplates();
	const url = await emulator.start();
	console.log(`360dialog emulator listening on ${url}`);
	console.log(
		`Credential: Environment "Custom URL", Base URL ${url}, API Key ${apiKey === 'emulator-key' ? apiKey : '(from EMULATOR_API_KEY)'}`,
	);
	console.log(
		'Sample events for the trigger: npm run emulator -- deliver <kind> (npm run emulator -- deliver lists them)',
	);
	const shutdown = () => emulator.stop().then(() => process.exit(0));
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

async function deliver(kind: string | undefined) {
	const base = process.env.EMULATOR_URL ?? 'http://127.0.0.1:8360';
	if (!kind) {
		console.log('npm run emulator -- deliver <kind>, where <kind> is one of:');
		for (const [name, sample] of Object.entries(SAMPLE_EVENTS))
			console.log(`  ${name.padEnd(16)} ${sample.description}`);
		return;
	}
	let response;
	try {
		response = await request(`${base}/__emulator/deliver-sample`, {
			method: 'POST',
			body: { kind },
		});
	} catch {
		throw new Error(
			`No emulator answers at ${base}: start it with npm run dev (or npm run emulator)`,
		);
	}
	const answer = response.json<{ statuses?: number[]; error?: string }>();
	if (response.status !== 200)
		throw new Error(answer.error ?? `the emulator answered ${response.status}`);
	console.log(`Delivered "${kind}": the webhook answered ${answer.statuses?.join(', ')}`);
}

const [command, argument] = process.argv.slice(2);
(command === 'deliver' ? deliver(argument) : serve()).catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
