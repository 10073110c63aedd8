/**
 * The README's "Two commands" are what a new user types: each is one line that starts from a fresh
 * clone (`npm ci` first), and CI runs exactly the second one.
 */
import { readFileSync } from 'node:fs';
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

	it('says how long the first install took, measured', () => {
		expect(readme).not.toContain('FRESH_INSTALL_TIME');
	});
});
