/**
 * Figures the README quotes (the fault soak, the hostile requests) are recorded here instead of
 * printed by the tests: one JSON line each in test/.work/figures.jsonl, which the figures reporter
 * (figuresReporter.js) prints once at the end of the run.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const FIGURES_FILE = path.join(__dirname, '..', '.work', 'figures.jsonl');

export function recordFigure(name: string, figure: string): void {
	mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
	appendFileSync(
		FIGURES_FILE,
		`${JSON.stringify({ name, figure, at: new Date().toISOString() })}\n`,
	);
}
