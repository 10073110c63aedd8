#!/usr/bin/env node
/**
 * Runs an `npm install` (or any npm command) and says every 15 s how far it got, in one line:
 * while npm resolves versions, the package manifests it has read (its `npm http fetch` log lines for
 * anything but a tarball); once it unpacks, the packages in node_modules so far (counted on disk,
 * since npm 11 logs tarballs differently with every state of its cache), of the lockfile's total
 * when there is one. npm's own log (its http lines and its `npm warn` lines, which are about n8n's
 * dependencies and nothing a user of this package can act on) goes to a log file that each line
 * names; errors are shown as npm writes them. The exit code is npm's.
 *
 *   node withProgress.js "<label>" npm install ...
 *
 * N8N_HOST_PROGRESS_MS sets the interval (the tests use a short one); the log file is
 * npm-install.log in the folder npm runs in.
 */
const { spawn } = require('node:child_process');
const { createWriteStream, existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const [label, command, ...args] = process.argv.slice(2);
const intervalMs = Number(process.env.N8N_HOST_PROGRESS_MS ?? 15_000);
const logFile = path.join(process.cwd(), 'npm-install.log');
const started = Date.now();
const counts = { manifests: 0, warnings: 0 };
let tail = '';

const elapsed = () => {
	const seconds = Math.round((Date.now() - started) / 1000);
	return seconds < 60
		? `${seconds}s`
		: `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
};
const say = (text) => process.stderr.write(`[n8n-host] ${label}: ${text}\n`);

/**
 * Packages unpacked under a node_modules folder, scoped ones and nested node_modules included: npm
 * makes every package's folder at once and fills it as its tarball arrives; a folder counts once its
 * package.json is there.
 */
function countPackages(nodeModules) {
	let entries;
	try {
		entries = readdirSync(nodeModules, { withFileTypes: true });
	} catch {
		return 0;
	}
	let count = 0;
	for (const entry of entries) {
		if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
		const folders = entry.name.startsWith('@')
			? (() => {
					try {
						return readdirSync(path.join(nodeModules, entry.name)).map((name) =>
							path.join(nodeModules, entry.name, name),
						);
					} catch {
						return [];
					}
				})()
			: [path.join(nodeModules, entry.name)];
		for (const folder of folders) {
			if (existsSync(path.join(folder, 'package.json'))) count++;
			count += countPackages(path.join(folder, 'node_modules'));
		}
	}
	return count;
}

/** How many packages the lockfile of the folder lists (npm ci, or a repeated install); 0 without one. */
function lockfileTotal() {
	const lockfile = path.join(process.cwd(), 'package-lock.json');
	if (!existsSync(lockfile)) return 0;
	try {
		const { packages = {} } = JSON.parse(readFileSync(lockfile, 'utf8'));
		return Object.keys(packages).filter((key) => key.includes('node_modules/')).length;
	} catch {
		return 0;
	}
}

const total = lockfileTotal();
const before = countPackages(path.join(process.cwd(), 'node_modules'));
const log = createWriteStream(logFile);
const where = () =>
	`npm's log${counts.warnings ? ` (${counts.warnings} warnings)` : ''}: ${logFile}`;
const progress = () => {
	const unpacked = countPackages(path.join(process.cwd(), 'node_modules'));
	if (unpacked > before) return `${unpacked}${total ? ` of ${total}` : ''} packages unpacked`;
	if (counts.manifests > 0) return `resolving versions: ${counts.manifests} package manifests read`;
	return 'starting npm';
};

say(`started; ${where()}`);
const child = spawn(command, [...args, '--loglevel=http'], {
	stdio: ['ignore', 'inherit', 'pipe'],
});
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
	log.write(chunk);
	const lines = (tail + chunk).split('\n');
	tail = lines.pop() ?? '';
	for (const line of lines) {
		const fetched = /^npm http fetch [A-Z]+ \d+ (\S+)/.exec(line);
		if (fetched) {
			if (!/\.tgz$/.test(fetched[1])) counts.manifests++;
		} else if (/^npm warn /i.test(line)) {
			counts.warnings++;
		} else if (line.trim() !== '' && !/^npm (http|timing|verbose|info|silly) /.test(line)) {
			process.stderr.write(`${line}\n`);
		}
	}
});

// The heartbeat stops with npm (the interval is cleared on exit), so this loop is bounded by it.
const heartbeat = setInterval(() => say(`${progress()}, ${elapsed()}; ${where()}`), intervalMs);

child.on('exit', (code, signal) => {
	clearInterval(heartbeat);
	if (tail.trim() !== '') {
		log.write(tail);
		if (!/^npm (http|warn|timing|verbose|info|silly) /i.test(tail))
			process.stderr.write(`${tail}\n`);
	}
	say(
		code === 0
			? `done in ${elapsed()}: ${progress()}; ${where()}`
			: `failed after ${elapsed()} (${signal ?? `exit code ${code}`}); ${where()}`,
	);
	log.end(() => process.exit(code ?? 1));
});
