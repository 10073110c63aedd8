/**
 * A throwaway PostgreSQL for queue-mode n8n, started by the tests the way they start Redis: the
 * system's PostgreSQL (Debian's `postgresql` package; test/support/ensure-system-tools.sh installs
 * it), a fresh data directory under the test's work folder, listening on 127.0.0.1 on a free port
 * with its socket in that folder, one database for one n8n cluster, stopped and removed at teardown.
 *
 * Queue mode runs main, worker and webhook processes on one database. n8n supports that on Postgres
 * only: each process started in queue mode on SQLite logs "Scaling mode is not officially supported
 * with sqlite. Please use PostgreSQL instead." (packages/cli/src/commands/base-command.ts, added in
 * https://github.com/n8n-io/n8n/pull/8034), and n8n's production requirements, the page to read
 * when you "use queue mode", start from PostgreSQL
 * (https://docs.n8n.io/deploy/host-n8n/install-options/production-requirements/). On one SQLite file
 * shared by the three processes a worker failed a resumed execution with SQLITE_BUSY under load.
 * n8n's settings for it: https://docs.n8n.io/hosting/configuration/environment-variables/database
 */
import { execFile } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	rmSync,
	statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where the PostgreSQL programs are: the newest /usr/lib/postgresql/<major>/bin, or next to pg_ctl on PATH. */
export function postgresBinDir(): string {
	const debian = '/usr/lib/postgresql';
	const majors = existsSync(debian)
		? readdirSync(debian)
				.filter((name) => existsSync(path.join(debian, name, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (majors.length > 0) return path.join(debian, majors[0], 'bin');
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const pgCtl = path.join(dir, 'pg_ctl');
		if (dir && existsSync(pgCtl) && existsSync(path.join(dir, 'initdb')))
			return path.dirname(realpathSync(pgCtl));
	}
	throw new Error(
		'PostgreSQL was not found (queue-mode n8n runs on it). Install it (Debian/Ubuntu: apt-get install postgresql) or run bash test/support/ensure-system-tools.sh.',
	);
}

/**
 * Who runs the server: initdb and postgres refuse root, so as root the `postgres` system user (or
 * `nobody` where there is none) owns the data directory and runs them; anyone else runs them as themselves.
 */
function serverUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const users = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.map((line) => line.split(':'));
	const entry =
		users.find((fields) => fields[0] === 'postgres') ??
		users.find((fields) => fields[0] === 'nobody');
	if (!entry)
		throw new Error(
			'Running as root, and neither a postgres nor a nobody user exists to run PostgreSQL',
		);
	return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

/** Lets `dir` and the folders above it up to the system's temp folder be entered by other users (mkdtemp makes them 0700). */
function makeTraversable(dir: string): void {
	const top = realpathSync(os.tmpdir());
	for (
		let current = realpathSync(dir);
		current.startsWith(top + path.sep);
		current = path.dirname(current)
	) {
		const { mode } = statSync(current);
		if ((mode & 0o001) === 0) chmodSync(current, (mode & 0o7777) | 0o001);
	}
}

export interface Postgres {
	port: number;
	/** n8n's settings for this database (DB_TYPE and DB_POSTGRESDB_*). */
	n8nEnv: Record<string, string>;
	/** Stops the server (fast shutdown, bounded) and removes its data; its log stays next to it. */
	stop(): Promise<void>;
	/** The whole database as SQL text (pg_dump): what n8n stored, for tests that search it. */
	dump(): Promise<string>;
}

export const POSTGRES_USER = 'n8n';
export const POSTGRES_DATABASE = 'n8n';

/**
 * Starts a fresh PostgreSQL under `parent` (a folder of the test's work folder) on `port` with one
 * empty database for n8n. Every step has its own time limit; pg_ctl waits for the server to accept
 * connections (-w) rather than the caller sleeping.
 */
export async function startPostgres(parent: string, port: number): Promise<Postgres> {
	const bin = postgresBinDir();
	const user = serverUser();
	const base = mkdtempSync(path.join(parent, 'postgres-'));
	const data = path.join(base, 'data');
	const logFile = path.join(base, 'postgres.log');
	if (user) {
		makeTraversable(parent);
		chownSync(base, user.uid, user.gid);
	}
	const asServer = async (program: string, args: string[], timeoutMs: number) =>
		await run(path.join(bin, program), args, {
			cwd: base,
			timeout: timeoutMs,
			env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
			...(user ?? {}),
		});
	const failed = (step: string, error: unknown) => {
		const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-3000) : '';
		const { stderr = '', message = String(error) } = error as { stderr?: string; message?: string };
		return new Error(`PostgreSQL ${step} failed: ${message}\n${stderr}\n${log}`);
	};

	try {
		await asServer(
			'initdb',
			[
				'-D',
				data,
				'-U',
				POSTGRES_USER,
				'--auth=trust',
				'--encoding=UTF8',
				'--no-sync',
				'--no-instructions',
			],
			120_000,
		);
	} catch (error) {
		rmSync(base, { recursive: true, force: true });
		throw failed('initdb', error);
	}
	const stop = async () => {
		if (!existsSync(data)) return;
		try {
			await asServer('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '30'], 40_000);
		} catch {
			await asServer(
				'pg_ctl',
				['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30'],
				40_000,
			).catch(() => undefined);
		}
		rmSync(data, { recursive: true, force: true });
	};
	try {
		// A throwaway database: durability settings off make n8n's migrations and executions quicker.
		const options = [
			`-p ${port}`,
			`-k ${base}`,
			'-c listen_addresses=127.0.0.1',
			'-c fsync=off',
			'-c synchronous_commit=off',
			'-c full_page_writes=off',
		].join(' ');
		await asServer(
			'pg_ctl',
			['start', '-D', data, '-l', logFile, '-o', options, '-w', '-t', '60'],
			70_000,
		);
		await run(
			path.join(bin, 'createdb'),
			['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, POSTGRES_DATABASE],
			{ timeout: 30_000 },
		);
	} catch (error) {
		await stop();
		throw failed('start', error);
	}
	return {
		port,
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: POSTGRES_DATABASE,
			DB_POSTGRESDB_USER: POSTGRES_USER,
			// Trust authentication on 127.0.0.1: the password is not checked.
			DB_POSTGRESDB_PASSWORD: 'n8n',
			// n8n's default is 2 connections per process ("Increasing it may help with resource
			// utilization", https://docs.n8n.io/hosting/configuration/environment-variables/database).
			// With 2, the webhook process took longer than 10 s to answer most of 100 status deliveries
			// at once on a loaded 2-core machine ("Database ping failed: Database connection timed out").
			DB_POSTGRESDB_POOL_SIZE: '10',
		},
		stop,
		dump: async () =>
			(
				await run(
					path.join(bin, 'pg_dump'),
					['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, POSTGRES_DATABASE],
					{ timeout: 60_000, maxBuffer: 512 * 1024 * 1024 },
				)
			).stdout,
	};
}
