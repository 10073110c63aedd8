/**
 * test/n8n/withProgress.js, the progress line of n8n's first install, run around a stand-in for npm
 * that writes the log lines npm 11 writes at `--loglevel=http` (captured from a real install) and
 * unpacks packages step by step; the test lets it take each step once the progress line showed the
 * last one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '..', 'n8n', 'withProgress.js');

/** Real lines of `npm install --loglevel=http` (npm 11.19): manifests, tarballs, warnings. */
const NPM_LOG = [
	'npm http fetch GET 200 https://registry.npmjs.org/express 175ms (cache updated)',
	'npm http fetch GET 200 https://registry.npmjs.org/lodash 76ms (cache updated)',
	'npm http fetch GET 200 https://registry.npmjs.org/@types%2fnode 84ms (cache miss)',
	'npm http cache core-util-is@https://registry.npmjs.org/core-util-is/-/core-util-is-1.0.2.tgz 0ms (cache hit)',
	'npm http fetch GET 200 https://registry.npmjs.org/punycode/-/punycode-2.3.1.tgz 3891ms (cache miss)',
	'npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it.',
	'npm warn EBADENGINE Unsupported engine {',
];

/** The stand-in for npm: the log above, then three packages (one scoped, one nested) and an error line. */
const FAKE_NPM = `
const fs = require('node:fs');
const path = require('node:path');
const until = (file, then) => fs.existsSync(file) ? then() : setTimeout(() => until(file, then), 20);
process.stderr.write(${JSON.stringify(NPM_LOG.join('\n') + '\n')});
until('go-unpack', () => {
	for (const folder of ['node_modules/a', 'node_modules/@s/b', 'node_modules/a/node_modules/c']) {
		fs.mkdirSync(folder, { recursive: true });
		fs.writeFileSync(path.join(folder, 'package.json'), '{}');
	}
	fs.mkdirSync('node_modules/d-still-downloading', { recursive: true });
	process.stderr.write('npm error something npm wants the user to see\\n');
	until('go-exit', () => process.exit(0));
});
`;

describe('the install progress line (withProgress.js)', () => {
	let work: string;
	beforeEach(() => {
		work = mkdtempSync(path.join(os.tmpdir(), 'install-progress-'));
		writeFileSync(path.join(work, 'fake-npm.js'), FAKE_NPM);
	});
	afterEach(() => rmSync(work, { recursive: true, force: true }));

	it('counts manifests, then unpacked packages, and keeps npm warnings in the log file it names', async () => {
		const child = spawn(
			process.execPath,
			[SCRIPT, 'installing n8n 9.9.9', process.execPath, 'fake-npm.js'],
			{ cwd: work, env: { ...process.env, N8N_HOST_PROGRESS_MS: '50' } },
		);
		let shown = '';
		child.stderr.on('data', (chunk: Buffer) => (shown += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
		const logFile = path.join(work, 'npm-install.log');
		const waitForShown = async (text: string) => {
			const deadline = Date.now() + 30_000;
			while (!shown.includes(text)) {
				if (Date.now() > deadline) throw new Error(`not shown: ${text}\n${shown}`);
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		};

		await waitForShown(`installing n8n 9.9.9: resolving versions: 3 package manifests read, `);
		expect(shown).toMatch(
			/resolving versions: 3 package manifests read, \d+s; npm's log \(2 warnings\): \S+npm-install\.log\n/,
		);
		writeFileSync(path.join(work, 'go-unpack'), '');
		await waitForShown(`: 3 packages unpacked, `);
		writeFileSync(path.join(work, 'go-exit'), '');
		expect(await exited).toBe(0);

		const lines = shown.trim().split('\n');
		expect(lines[0]).toBe(`[n8n-host] installing n8n 9.9.9: started; npm's log: ${logFile}`);
		expect(lines.at(-1)).toMatch(
			new RegExp(
				`^\\[n8n-host\\] installing n8n 9\\.9\\.9: done in \\d+s: 3 packages unpacked; npm's log \\(2 warnings\\): ${logFile}$`,
			),
		);
		// Errors are shown; npm's http and warn lines are not, and all of them are in the log file.
		expect(shown).toContain('npm error something npm wants the user to see\n');
		expect(shown).not.toContain('npm warn');
		expect(shown).not.toContain('npm http');
		expect(existsSync(logFile)).toBe(true);
		expect(readFileSync(logFile, 'utf8')).toBe(
			`${NPM_LOG.join('\n')}\nnpm error something npm wants the user to see\n`,
		);
	});
});
