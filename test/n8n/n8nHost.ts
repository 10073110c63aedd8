/**
 * A real n8n for `npm run dev` and the end-to-end tests: the pinned version installed once into the
 * user's cache, this package packed and installed into the n8n user folder the way n8n installs
 * community packages, and n8n started on 127.0.0.1 with everything that reaches outside switched off.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const N8N_VERSION = '2.8.4';
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-360dialog';

const cacheRoot = process.env.N8N_360DIALOG_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'n8n-nodes-360dialog');
export const hostDir = path.join(cacheRoot, `n8n-${N8N_VERSION}`);
const n8nBin = path.join(hostDir, 'node_modules', '.bin', 'n8n');

function log(message: string) {
	process.stderr.write(`[n8n-host] ${message}\n`);
}

/** Installs the pinned n8n into the cache unless it is there already (about 3 minutes the first time). */
export function ensureN8nInstalled(): string {
	const marker = path.join(hostDir, '.installed');
	if (existsSync(marker) && existsSync(n8nBin) && readFileSync(marker, 'utf8').trim() === N8N_VERSION) return n8nBin;
	mkdirSync(hostDir, { recursive: true });
	writeFileSync(
		path.join(hostDir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-host',
				private: true,
				dependencies: { n8n: N8N_VERSION },
				// n8n-nodes-base pins xlsx to a tarball on cdn.sheetjs.com, which this machine cannot reach.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);
	log(`installing n8n ${N8N_VERSION} into ${hostDir} (once; a few minutes)`);
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: hostDir, stdio: ['ignore', 'inherit', 'inherit'] });
	writeFileSync(marker, N8N_VERSION);
	return n8nBin;
}

/** `npm pack` of the built package; returns the tarball path. */
export function packPackage(outDir: string): string {
	mkdirSync(outDir, { recursive: true });
	const output = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
	const file = output.trim().split('\n').pop()!;
	return path.join(outDir, file);
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes`, as n8n's community-package installer does
 * (peer dependencies are n8n's own, so they are left out).
 */
export function installPackage(userFolder: string, tarball: string): void {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	if (!existsSync(path.join(nodesDir, 'package.json'))) {
		writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	}
	execFileSync('npm', ['install', tarball, '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: nodesDir,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface N8nInstance {
	url: string;
	port: number;
	userFolder: string;
	process: ChildProcess;
	logs: string[];
	stop(): Promise<void>;
}

export function n8nEnv(userFolder: string, port: number, brokerPort: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	// jest sets NODE_ENV=test, which n8n reads as "running n8n's own tests".
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_')));
	return {
		...inherited,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-360dialog-local-only-key',
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: 'info',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		SCARF_ANALYTICS: 'false',
		...extra,
	};
}

/** Runs an n8n CLI command (import, publish) against a user folder and waits for it. */
export function n8nCli(userFolder: string, args: string[]): string {
	const brokerPort = 20000 + Math.floor(Math.random() * 20000);
	return execFileSync(n8nBin, args, { env: n8nEnv(userFolder, 5678, brokerPort), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startN8n(userFolder: string, options: { port?: number; extraEnv?: Record<string, string> } = {}): Promise<N8nInstance> {
	const port = options.port ?? (await freePort());
	const brokerPort = await freePort();
	const child = spawn(n8nBin, ['start'], {
		env: n8nEnv(userFolder, port, brokerPort, options.extraEnv),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: false,
	});
	const logs: string[] = [];
	const collect = (chunk: Buffer) => {
		logs.push(chunk.toString());
		if (logs.length > 2000) logs.splice(0, logs.length - 2000);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const url = `http://127.0.0.1:${port}`;

	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	};

	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}:\n${logs.join('').slice(-4000)}`);
		try {
			const response = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2_000) });
			if (response.ok && logs.join('').includes('Editor is now accessible')) return { url, port, userFolder, process: child, logs, stop };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await stop();
	throw new Error(`n8n did not become ready within 120 s:\n${logs.join('').slice(-4000)}`);
}

/** An owner and a logged-in session for n8n's internal REST API (credential tests). */
export async function ownerSession(url: string): Promise<{ cookie: string }> {
	const owner = { email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'Passw0rd-for-tests' };
	const setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
	let cookie = setup.headers.get('set-cookie');
	if (!setup.ok || !cookie) {
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		cookie = login.headers.get('set-cookie');
		if (!login.ok || !cookie) throw new Error(`n8n login failed: ${login.status} ${await login.text()}`);
	}
	return { cookie: cookie.split(';')[0] };
}
