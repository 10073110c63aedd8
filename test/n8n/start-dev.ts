/**
 * `npm run dev`: a real n8n (the pinned version) on http://127.0.0.1:5678 with this package installed
 * as a community package, and the 360dialog emulator on http://127.0.0.1:8360 to try it without an
 * account. Data lives in .n8n-dev/ (ignored by git); stop with Ctrl+C.
 */
import path from 'node:path';

import { Emulator } from '../emulator/server';
import {
	ensureN8nInstalled,
	installPackage,
	N8N_LINES,
	packPackage,
	PACKAGE_ROOT,
	startN8n,
} from './n8nHost';

async function main() {
	// N8N_LINE=current runs the current n8n line (on its own Node 24) instead of the oldest supported one.
	const line = process.env.N8N_LINE === 'current' ? N8N_LINES.current : N8N_LINES.oldest;
	const userFolder = path.join(PACKAGE_ROOT, '.n8n-dev');
	ensureN8nInstalled(line);
	installPackage(userFolder, packPackage(path.join(userFolder, 'pack')));

	const emulator = new Emulator({ port: Number(process.env.EMULATOR_PORT ?? 8360) });
	emulator.seedDemoTemplates();
	const emulatorUrl = await emulator.start();

	const n8n = await startN8n(userFolder, { port: Number(process.env.N8N_PORT ?? 5678), line });
	n8n.process.stdout?.pipe(process.stdout);
	n8n.process.stderr?.pipe(process.stderr);
	console.log(`\nn8n ${line.version} with n8n-nodes-360dialog: ${n8n.url}`);
	console.log(
		`360dialog emulator: ${emulatorUrl} (credential: Environment "Custom URL", Base URL ${emulatorUrl}, API Key emulator-key)`,
	);
	console.log(
		'Sample events for an active trigger: npm run emulator -- deliver <kind> (without a kind: the list)\n',
	);

	// Ctrl+C reaches n8n too (one process group); both wait for n8n to finish its own shutdown.
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the emulator…');
		await n8n.stop();
		await emulator.stop();
		console.log('Stopped.');
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	n8n.process.on('exit', (code) => {
		if (stopping) return;
		console.log(`n8n exited (${code})`);
		void emulator.stop().then(() => process.exit(code ?? 1));
	});
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
