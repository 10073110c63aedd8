/**
 * The tarball users install: only what n8n needs (compiled nodes, credential, icons, codex files),
 * the README, the licence and the changelog; nothing from test/ or the sources.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

interface PackedFile {
	path: string;
}

function packedFiles(): string[] {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return (JSON.parse(output) as Array<{ files: PackedFile[] }>)[0].files
		.map((file) => file.path)
		.sort();
}

describe('npm pack', () => {
	const files = packedFiles();
	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		version: string;
		n8n: { nodes: string[]; credentials: string[] };
		dependencies?: Record<string, string>;
	};

	it('holds dist, package.json, README, LICENSE and CHANGELOG, and nothing else', () => {
		const outside = files.filter((file) => !file.startsWith('dist/'));
		expect(outside).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
		const unexpected = files.filter(
			(file) => file.startsWith('dist/') && !/\.(js|svg|node\.json)$/.test(file),
		);
		expect(unexpected).toEqual([]);
		expect(files.some((file) => /test|emulator|bench/i.test(file))).toBe(false);
	});

	it('holds every file the n8n attribute names, the icons and a codex file per node', () => {
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
			expect(files).toContain(file);
		for (const node of manifest.n8n.nodes) expect(files).toContain(node.replace(/\.js$/, '.json'));
		expect(files).toEqual(
			expect.arrayContaining(['dist/icons/dialog360.svg', 'dist/icons/dialog360.dark.svg']),
		);
	});

	it('has a semver version listed in the changelog, and no runtime dependency (libphonenumber-js is bundled)', () => {
		expect(manifest.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
		expect(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')).toContain(
			`## [${manifest.version}]`,
		);
		expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
		expect(files).toContain('dist/nodes/Dialog360/domain/libphonenumber.js');
		const bundle = readFileSync(
			path.join(root, 'dist/nodes/Dialog360/domain/libphonenumber.js'),
			'utf8',
		);
		expect(bundle).not.toMatch(/require\(["']libphonenumber-js/);
		expect(bundle).toContain('libphonenumber-js 1.'); // its licence, kept on top
	});

	it('has codex files with the Communication category and aliases', () => {
		for (const node of manifest.n8n.nodes) {
			const codex = JSON.parse(
				readFileSync(path.join(root, node.replace(/\.js$/, '.json')), 'utf8'),
			) as { categories: string[]; alias: string[]; node: string };
			expect(codex.categories).toEqual(['Communication']);
			expect(codex.alias).toEqual(expect.arrayContaining(['WhatsApp', '360dialog']));
			expect(codex.node).toMatch(/^n8n-nodes-360dialog\.dialog360(Trigger|TemplateTrigger)?$/);
		}
	});
});
