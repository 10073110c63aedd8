const { readFileSync } = require('node:fs');
const path = require('node:path');

const esbuild = require('esbuild');
const { src, dest, parallel } = require('gulp');

// n8n reads node and credential icons from the files named in their `icon` property, relative to the
// compiled .js file, so the SVGs go to dist/icons beside dist/nodes and dist/credentials.
function buildIcons() {
	return src('icons/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

// The codex files (categories, aliases, documentation links) sit next to each compiled node file.
function buildCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

/**
 * libphonenumber-js is bundled into the file tsc compiled from domain/libphonenumber.ts, which
 * required it: only what that file exports (tree-shaken), its console calls dropped (n8n's scan
 * forbids them), its licence kept on top. The package then has no runtime dependency.
 */
async function bundlePhoneNumbers() {
	const library = path.dirname(require.resolve('libphonenumber-js/package.json'));
	const { version } = require('libphonenumber-js/package.json');
	const mit = readFileSync(path.join(library, 'LICENSE'), 'utf8').trim();
	await esbuild.build({
		entryPoints: ['nodes/Dialog360/domain/libphonenumber.ts'],
		outfile: 'dist/nodes/Dialog360/domain/libphonenumber.js',
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		minify: true,
		drop: ['console'],
		legalComments: 'none',
		banner: {
			js: `/*! libphonenumber-js ${version}, bundled. Its code: ${mit.replace(/\*\//g, '* /').replace(/\n/g, '\n * ')}\n * Its metadata comes from Google's libphonenumber, Apache License 2.0 (see LICENSE.Apache in libphonenumber-js). */`,
		},
		logLevel: 'warning',
	});
}

exports['build:assets'] = parallel(buildIcons, buildCodex, bundlePhoneNumbers);
