const { src, dest } = require('gulp');

// n8n reads node and credential icons from the files named in their `icon` property, relative to the
// compiled .js file, so the SVGs go to dist/icons beside dist/nodes and dist/credentials.
function buildIcons() {
	return src('icons/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
