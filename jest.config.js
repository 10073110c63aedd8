/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
	},
	testTimeout: 60_000,
	// The robustness figures the README quotes are recorded by the tests and printed once at the end.
	reporters: ['default', '<rootDir>/test/support/figuresReporter.js'],
	// n8n-core leaves a handle open after a workflow run (it closes under --detectOpenHandles, so it is
	// not ours to find); without this jest waits for it forever.
	forceExit: true,
};
