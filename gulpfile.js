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

exports['build:assets'] = parallel(buildIcons, buildCodex);
