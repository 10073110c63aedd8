#!/usr/bin/env node
/**
 * Runs an `npm install` (or any npm command) and says every 15 s that it is still going and how far
 * it got: package manifests resolved and package files fetched, counted from npm's own http log
 * lines, which are not shown. Errors are shown as npm writes them. The exit code is npm's.
 *
 *   node withProgress.js "<label>" npm install ...
 */
const { spawn } = require('node:child_process');

const [label, command, ...args] = process.argv.slice(2);
const started = Date.now();
const counts = { resolved: 0, fetched: 0, downloaded: 0, warnings: 0 };
let tail = '';

const elapsed = () => {
	const seconds = Math.round((Date.now() - started) / 1000);
	return seconds < 60
		? `${seconds}s`
		: `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
};
const say = (text) => process.stderr.write(`[n8n-host] ${label}: ${text}\n`);

const child = spawn(command, [...args, '--loglevel=http'], {
	stdio: ['ignore', 'inherit', 'pipe'],
});
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
	const lines = (tail + chunk).split('\n');
	tail = lines.pop() ?? '';
	for (const line of lines) {
		if (/^npm http fetch /.test(line)) {
			if (/\.tgz\b/.test(line)) {
				counts.fetched++;
				if (!/\(cache (hit|revalidated|stale)\)/.test(line)) counts.downloaded++;
			} else counts.resolved++;
		} else if (/^npm warn (EBADENGINE|deprecated) /.test(line)) {
			// Warnings about n8n's own dependencies: nothing a user of this package can act on.
			counts.warnings++;
		} else if (line.trim() !== '' && !/^npm (http|timing|verbose|info) /.test(line)) {
			process.stderr.write(`${line}\n`);
		}
	}
});

// The heartbeat stops with npm (the interval is cleared on exit), so this loop is bounded by it.
const heartbeat = setInterval(() => {
	const phase = counts.fetched > 0 ? 'fetching and unpacking' : 'resolving versions';
	say(
		`still going (${phase}): ${counts.resolved} manifests, ${counts.fetched} package files (${counts.downloaded} downloaded), ${elapsed()}`,
	);
}, 15_000);

child.on('exit', (code, signal) => {
	clearInterval(heartbeat);
	if (tail.trim() !== '') process.stderr.write(`${tail}\n`);
	say(
		code === 0
			? `done in ${elapsed()} (${counts.fetched} package files, ${counts.downloaded} of them downloaded; ${counts.warnings} engine and deprecation warning lines of n8n's dependencies not shown)`
			: `failed after ${elapsed()} (${signal ?? `exit code ${code}`})`,
	);
	process.exit(code ?? 1);
});
