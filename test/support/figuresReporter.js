/**
 * A jest reporter: clears the figures file when a run starts and prints the figures the tests
 * recorded (test/support/figures.ts) when it ends.
 */
const { existsSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const FIGURES_FILE = path.join(__dirname, '..', '.work', 'figures.jsonl');

class FiguresReporter {
	onRunStart() {
		rmSync(FIGURES_FILE, { force: true });
	}

	onRunComplete() {
		if (!existsSync(FIGURES_FILE)) return;
		const lines = readFileSync(FIGURES_FILE, 'utf8').trim().split('\n').filter(Boolean);
		const figures = lines.map((line) => JSON.parse(line));
		process.stdout.write(
			`\nFigures (${FIGURES_FILE}):\n${figures.map((entry) => `- ${entry.name}: ${entry.figure}`).join('\n')}\n`,
		);
	}
}

module.exports = FiguresReporter;
