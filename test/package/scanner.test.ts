/**
 * n8n's own verification, without the network: `@n8n/scan-community-package` lints the package's
 * source (its SOURCE_FILE_PATTERNS) and every .js file of the published tarball with the rules n8n
 * Cloud requires. Both must pass. A copy with a runtime dependency must fail, so the check is known
 * to look.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { packPackage, PACKAGE_ROOT } from '../n8n/n8nHost';

jest.setTimeout(180_000);

// Unpacked inside the repository, so that n8n-workflow resolves for the rules that read it.
const WORK = path.join(__dirname, '.work');

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

/** Runs the scanner's analyzePackage in its own Node process (it is an ES module) and reads its verdict. */
function analyze(dir: string, patterns?: string[]): ScanResult {
	const script = `
		import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';
		const patterns = ${patterns ? JSON.stringify(patterns) : 'SOURCE_FILE_PATTERNS'};
		const result = await analyzePackage(${JSON.stringify(dir)}, patterns);
		process.stdout.write(JSON.stringify({ passed: result.passed, message: result.message, details: result.details }));
	`;
	// The scanner makes a temporary folder when it loads; it goes into one removed afterwards. jest's
	// NODE_ENV=test would switch eslint-plugin-n8n-nodes-base into its own test mode (every file a node file).
	const temp = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-scan-'));
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV'),
	);
	try {
		const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
			cwd: PACKAGE_ROOT,
			encoding: 'utf8',
			env: { ...env, TMPDIR: temp },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return JSON.parse(output) as ScanResult;
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}

function unpackTarball(into: string): string {
	rmSync(into, { recursive: true, force: true });
	mkdirSync(into, { recursive: true });
	execFileSync('tar', ['xzf', packPackage(path.join(into, 'pack')), '-C', into]);
	return path.join(into, 'package');
}

describe("n8n's community package scan (offline)", () => {
	afterAll(() => rmSync(WORK, { recursive: true, force: true }));

	it('finds nothing in the source: package.json, nodes/ and credentials/', () => {
		const result = analyze(PACKAGE_ROOT);
		expect(result.details ?? '').toBe('');
		expect(result).toMatchObject({ passed: true });
	});

	it('finds nothing in the published tarball (every .js file and package.json), which has no runtime dependency', () => {
		const unpacked = unpackTarball(path.join(WORK, 'tarball'));
		const manifest = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as {
			dependencies?: Record<string, string>;
		};
		expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
		const result = analyze(unpacked, ['**/*.js', 'package.json']);
		expect(result.details ?? '').toBe('');
		expect(result).toMatchObject({ passed: true });
	});

	it('fails a copy that declares a runtime dependency and requires it (the check can fail)', () => {
		const unpacked = unpackTarball(path.join(WORK, 'planted'));
		const manifestFile = path.join(unpacked, 'package.json');
		const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
		writeFileSync(
			manifestFile,
			JSON.stringify({ ...manifest, dependencies: { 'left-pad': '1.3.0' } }, null, 2),
		);
		cpSync(
			path.join(unpacked, 'dist/nodes/Dialog360/domain/values.js'),
			path.join(unpacked, 'dist/nodes/Dialog360/domain/planted.js'),
		);
		writeFileSync(
			path.join(unpacked, 'dist/nodes/Dialog360/domain/planted.js'),
			"const leftPad = require('left-pad');\nconsole.log(leftPad('x', 3));\n",
		);
		const result = analyze(unpacked, ['**/*.js', 'package.json']);
		expect(result.passed).toBe(false);
		expect(result.details).toContain('no-runtime-dependencies');
		expect(result.details).toContain('no-restricted-imports');
		expect(result.details).toContain('no-console');
	});
});
