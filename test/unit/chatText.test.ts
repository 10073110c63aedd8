import fc from 'fast-check';

import { markdownToWhatsApp } from '../../nodes/Dialog360/domain/markdown';
import { messageTextOf } from '../../nodes/Dialog360/domain/messageText';
import { splitText } from '../../nodes/Dialog360/domain/splitText';
import { LIST_REPLY, MESSAGE_FIXTURES } from '../fixtures/webhooks';

describe('the text a person reads in each message', () => {
	const expected: Record<string, string> = {
		text: 'hello',
		image: 'a photo',
		audio: '',
		video: '',
		document: '',
		sticker: '',
		location: 'Office, Berlin',
		contacts: 'Bob',
		interactive: 'Yes',
		button: 'Track',
		reaction: '👍',
		order: '',
		system: 'Ada changed their phone number',
		unsupported: '',
	};

	it.each(Object.entries(MESSAGE_FIXTURES))('%s', (type, message) => {
		expect(messageTextOf(message)).toBe(expected[type]);
	});

	it('a list reply: the row title and its description', () => {
		expect(messageTextOf(LIST_REPLY)).toBe('Pizza – Hot');
	});

	it('a document caption, a flow answer, a quick reply without text, shared contacts', () => {
		expect(
			messageTextOf({ type: 'document', document: { caption: ' Invoice 7 ', filename: 'i.pdf' } }),
		).toBe('Invoice 7');
		expect(
			messageTextOf({
				type: 'interactive',
				interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{"a":1}' } },
			}),
		).toBe('A: 1');
		expect(messageTextOf({ type: 'button', button: { payload: 'STOP' } })).toBe('STOP');
		expect(
			messageTextOf({
				type: 'contacts',
				contacts: [
					{ name: { formatted_name: 'Ada Lovelace' } },
					{ name: { first_name: 'Bob', last_name: 'Kahn' } },
				],
			}),
		).toBe('Ada Lovelace, Bob Kahn');
		expect(messageTextOf({ type: 'text', text: null })).toBe('');
	});
});

describe('Markdown as models write it, in WhatsApp formatting', () => {
	const cases: Array<[string, string, string]> = [
		['bold', 'a **b** c __d__', 'a *b* c *d*'],
		['italic', 'a *b* c _d_', 'a _b_ c _d_'],
		['bold and italic', '***both***', '*_both_*'],
		['italic inside bold', '**bold _it_ more**', '*bold _it_ more*'],
		['strike', '~~gone~~', '~gone~'],
		['inline code untouched', 'run `a **b** *c*` now', 'run `a **b** *c*` now'],
		['code block untouched', '```js\nconst a = **b**;\n```', '```\nconst a = **b**;\n```'],
		['heading', '## Your **order**', '*Your order*'],
		['bullets', '* one\n- two\n+ three', '- one\n- two\n- three'],
		['nested bullets keep their indent', '- a\n  * b', '- a\n  - b'],
		['numbered list', '1. **first**\n2. second', '1. *first*\n2. second'],
		['quote', '> said *so*', '> said _so_'],
		['link', 'see [the docs](https://x.io/a_b*c)', 'see the docs (https://x.io/a_b*c)'],
		['link whose label is its URL', '[https://x.io](https://x.io)', 'https://x.io'],
		['autolink', '<https://x.io/a_b_c>', 'https://x.io/a_b_c'],
		[
			'bare URL with markup characters',
			'go to https://x.io/**a**_b_ now',
			'go to https://x.io/**a**_b_ now',
		],
		['bold around a URL', '**https://shop.example.com/sale**', '*https://shop.example.com/sale*'],
		['italic around a URL', 'see *https://x.io/a_b*', 'see _https://x.io/a_b_'],
		['strike around a URL', '~~https://x.io/old~~ gone', '~https://x.io/old~ gone'],
		['private-use characters kept', 'a \uE000 b \uE001 c **d**', 'a \uE000 b \uE001 c *d*'],
		[
			'private-use characters around digits',
			'\uE0000\uE000 **x** \uE0011\uE001',
			'\uE0000\uE000 *x* \uE0011\uE001',
		],
		['snake_case untouched', 'set my_var_name', 'set my_var_name'],
		['unclosed bold left as written', 'a **b c', 'a **b c'],
		['lone star left as written', '5 * 3 = 15', '5 * 3 = 15'],
		['rule becomes a blank line', 'a\n\n---\n\nb', 'a\n\nb'],
		[
			'table as aligned columns',
			'| Item | Qty |\n|---|---:|\n| **Tea** | 2 |\n| Coffee | 10 |',
			'```\nItem    Qty\nTea     2\nCoffee  10\n```',
		],
	];

	it.each(cases)('%s', (_name, input, output) => {
		expect(markdownToWhatsApp(input)).toBe(output);
	});

	it('property: any text without markup characters comes back unchanged', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[A-Za-z0-9 ,.!?'\n-]{0,200}$/), (text) => {
				fc.pre(
					!/^\s*[-]\s/m.test(text) && !/^\s*-(\s*-){2,}\s*$/m.test(text) && !/\n{3,}/.test(text),
				);
				return markdownToWhatsApp(text) === text;
			}),
			{ numRuns: 2000 },
		);
	});
});

describe('Markdown conversion keeps every character it does not convert', () => {
	it("property: private-use characters (the converter's own placeholders) come out as written", () => {
		const piece = fc.constantFrom(
			'\uE000',
			'\uE001',
			'0',
			'12',
			'*',
			'**',
			'_',
			'~~',
			'`',
			'a',
			' ',
			'https://x.io/p',
		);
		const privateUse = (text: string) => text.replace(/[^\uE000\uE001]/g, '');
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
				const text = pieces.join('');
				const out = markdownToWhatsApp(text);
				return privateUse(out) === privateUse(text) && !out.includes('undefined');
			}),
			{ numRuns: 3000 },
		);
	});
});

describe('long text split into messages', () => {
	const length = (text: string) => Array.from(text).length;

	it('leaves a text that fits as one message', () => {
		expect(splitText('short', 4096)).toEqual(['short']);
		expect(splitText('x'.repeat(4096))).toHaveLength(1);
	});

	it('cuts at a paragraph, then a sentence, then a word', () => {
		const paragraph = `${'a'.repeat(60)}.\n\n${'b'.repeat(30)}`;
		expect(splitText(paragraph, 80)).toEqual([`${'a'.repeat(60)}.`, 'b'.repeat(30)]);
		const sentences = `${'First sentence here. '.repeat(3)}Second part goes on and on`;
		expect(splitText(sentences, 70)).toEqual([
			'First sentence here. First sentence here. First sentence here.',
			'Second part goes on and on',
		]);
		expect(splitText('one two three four five six seven', 20)).toEqual([
			'one two three four',
			'five six seven',
		]);
	});

	it('never cuts inside a URL or an open formatting span', () => {
		expect(splitText('see the page https://example.com/a/b/c now', 30)).toEqual([
			'see the page',
			'https://example.com/a/b/c now',
		]);
		const bold = `text *bold words that go on* and more words after it`;
		const parts = splitText(bold, 24);
		for (const part of parts)
			expect((part.match(/(^|\W)\*(?=\S)|(?<=\S)\*(\W|$)/g) ?? []).length % 2).toBe(0);
	});

	it('closes a code block it cuts and opens it again in the next message', () => {
		const code = ['```', ...Array.from({ length: 20 }, (_, i) => `line ${i} of code`), '```'].join(
			'\n',
		);
		const parts = splitText(code, 120);
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) {
			expect(part.startsWith('```')).toBe(true);
			expect(part.endsWith('```')).toBe(true);
		}
	});

	it('a marker without its closing half is plain text: the line is still cut between words', () => {
		const text = `the *star has no closing half, ${'lorem ipsum dolor sit amet '.repeat(4)}`;
		expect(splitText(text, 37)).toEqual([
			'the *star has no closing half, lorem',
			'ipsum dolor sit amet lorem ipsum',
			'dolor sit amet lorem ipsum dolor sit',
			'amet lorem ipsum dolor sit amet',
		]);
	});

	it('counts UTF-16 units and never cuts an emoji family, a flag or an accent', () => {
		expect(splitText('😀'.repeat(30), 20)).toEqual([
			'😀'.repeat(10),
			'😀'.repeat(10),
			'😀'.repeat(10),
		]);
		const family = '👨‍👩‍👧‍👦';
		expect(splitText(family.repeat(3), 20)).toEqual([family, family, family]);
		expect(splitText('🇩🇪'.repeat(9), 16)).toEqual(['🇩🇪'.repeat(4), '🇩🇪'.repeat(4), '🇩🇪']);
		expect(splitText('e\u0301'.repeat(9), 16)).toEqual(['e\u0301'.repeat(8), 'e\u0301']);
	});

	it('cuts a word only when it alone is longer than a message', () => {
		expect(splitText(`short ${'x'.repeat(30)} end`, 20)).toEqual([
			'short',
			'x'.repeat(20),
			`${'x'.repeat(10)} end`,
		]);
	});

	it('splits 1 MB on one line in linear time', () => {
		const words = ['lorem', 'ipsum', '*dolor', 'sit_', 'amet,', 'https://x.io/a_b', 'end.', '👨‍👩‍👧‍👦'];
		let text = '';
		for (let index = 0; text.length < 1_000_000; index++) text += `${words[index % words.length]} `;
		const started = Date.now();
		const parts = splitText(text, 4096);
		// Generous for a loaded 2-core machine; the quadratic way took minutes.
		expect(Date.now() - started).toBeLessThan(3000);
		expect(parts.every((part) => part.length <= 4096)).toBe(true);
		expect(parts.slice(0, -1).every((part) => part.length > 4000)).toBe(true);
	});

	it('property: every part fits, no emoji is cut, and the words come back in order', () => {
		const word = fc.oneof(
			fc.stringMatching(/^[a-z]{1,12}$/),
			fc.constantFrom('😀', '👍🏽', 'https://x.io/a/b', '*bold*', '_it_', 'end.', '\n\n'),
		);
		fc.assert(
			fc.property(
				fc.array(word, { minLength: 1, maxLength: 400 }),
				fc.integer({ min: 40, max: 500 }),
				(words, limit) => {
					const text = words.join(' ');
					const parts = splitText(text, limit);
					const rejoined = parts.join(' ').split(/\s+/).filter(Boolean);
					return (
						parts.every((part) => length(part) <= limit) &&
						rejoined.join(' ') === text.split(/\s+/).filter(Boolean).join(' ')
					);
				},
			),
			{ numRuns: 1000 },
		);
	});
});
