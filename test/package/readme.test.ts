/**
 * The README's "Two commands" are what a new user types: each is one line that starts from a fresh
 * clone (`npm ci` first), and CI runs exactly the second one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function twoCommands(): string[] {
	const section = readme.split('## Two commands')[1] ?? '';
	const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
	return block
		.split('\n')
		.map((line) => line.replace(/#.*$/, '').trim())
		.filter(Boolean);
}

describe('the README\'s "Two commands"', () => {
	it('are two lines, each starting with npm ci so that they work on a fresh clone', () => {
		expect(twoCommands()).toEqual(['npm ci && npm run dev', 'npm ci && npm test']);
	});

	it('.ci/run runs the second one, as written', () => {
		const script = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
		const commands = script
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line && !line.startsWith('#') && !/^(set|cd) /.test(line));
		expect(commands).toEqual([twoCommands()[1]]);
	});

	it('come early, with what it takes to send a first message to the emulator', () => {
		const lines = readme.split('\n');
		const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
		expect(lines.length).toBeLessThan(400);
		const twoCommands = lineOf('### Two commands');
		expect(twoCommands).toBeGreaterThan(0);
		expect(twoCommands).toBeLessThan(60);
		// The emulator's credential and the send follow right after, before any usage topic.
		for (const step of [
			'Environment **Custom URL**',
			'`http://127.0.0.1:8360`',
			'`emulator-key`',
			'Ctrl+C',
		])
			expect([step, lineOf(step) > twoCommands && lineOf(step) < twoCommands + 30]).toEqual([
				step,
				true,
			]);
	});

	it('links only to docs/ pages that exist', () => {
		const linked = [...readme.matchAll(/\]\((docs\/[^)#]+)/g)].map((match) => match[1]);
		expect(linked.length).toBeGreaterThan(0);
		for (const file of linked)
			expect([file, existsSync(path.join(ROOT, file))]).toEqual([file, true]);
	});

	it('says how long the first install took, measured', () => {
		expect(readme).not.toContain('FRESH_INSTALL_TIME');
	});
});
