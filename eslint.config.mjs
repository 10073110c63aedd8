import {
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';
import tmp from 'tmp';
import tseslint from 'typescript-eslint';

// Loading the scanner makes a temporary folder; this removes it when lint ends.
tmp.setGracefulCleanup();

/**
 * The rules n8n's own verification runs (`@n8n/scan-community-package`: @n8n/community-nodes
 * recommended, eslint-plugin-n8n-nodes-base's community, credentials and nodes sets, no-console),
 * taken from the scanner itself, on the files it scans (package.json, nodes/, credentials/). No
 * exceptions: what passes here passes n8n's scan, and the reverse (test/package/scanner.test.ts).
 */
const scanned = (await buildScanConfig()).map((config) => ({
	...config,
	// Both must match: the scanner's own pattern for the entry, and one of the files the scanner scans.
	files: SOURCE_FILE_PATTERNS.flatMap((source) =>
		(config.files ?? ['**/*']).map((pattern) => [source, pattern]),
	),
}));

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'coverage/**',
			'test/e2e/.work/**',
			'test/package/.work/**',
		],
	},
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	...scanned,
	{
		files: ['test/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
];
