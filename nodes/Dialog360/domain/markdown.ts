/**
 * Markdown as language models write it, turned into WhatsApp's formatting: *bold*, _italic_,
 * ~strike~, `inline code`, ```code blocks```, "- " and "1. " lists and "> " quotes (WhatsApp's text
 * formatting, https://faq.whatsapp.com/539178204879377). What WhatsApp cannot show is written out:
 * headings in bold, links as "label (url)", tables as aligned columns in a code block. Code and URLs
 * are never changed; markup without its closing half is left as written.
 */

/**
 * Placeholders for what must not be touched while converting: private-use characters. Those that
 * the text itself contains are held first, so that they come out as written.
 */
const HOLD = '\uE000';
const BOLD = '\uE001';
const HELD = new RegExp(`${HOLD}(\\d+)${HOLD}`, 'g');

function protect(text: string, pattern: RegExp, held: string[]): string {
	return text.replace(pattern, (match) => `${HOLD}${held.push(match) - 1}${HOLD}`);
}

/** Puts back what was held; held parts can hold others (a link's URL inside its label's part). */
function release(text: string, held: string[]): string {
	return text.replace(HELD, (_, index: string) => release(held[Number(index)], held));
}

/** A URL ends before closing punctuation and before formatting markers around it (**url**). */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>()]+[^\s<>().,;:!?'"*_~]/g;

/** The inline markup of one line (or table cell). */
export function convertInline(line: string): string {
	const held: string[] = [];
	let text = protect(line, /[\uE000\uE001]/g, held);
	text = protect(text, /`[^`\n]+`/g, held);
	// Links and images: "label (url)", or the URL alone when the label is the URL.
	text = text.replace(
		/!?\[([^\]\n]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g,
		(_, label: string, url: string) => {
			const heldUrl = `${HOLD}${held.push(url) - 1}${HOLD}`;
			const shown = label.trim();
			return shown === '' || shown === url ? heldUrl : `${shown} (${heldUrl})`;
		},
	);
	text = text.replace(
		/<(https?:\/\/[^>\s]+)>/g,
		(_, url: string) => `${HOLD}${held.push(url) - 1}${HOLD}`,
	);
	text = protect(text, URL_PATTERN, held);
	// Bold and italic together, then bold (kept aside so that italics do not take its stars), italic, strike.
	text = text.replace(/(\*\*\*|___)(?=\S)([^\n]*?\S)\1/g, `${BOLD}_$2_${BOLD}`);
	text = text.replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, `${BOLD}$2${BOLD}`);
	text = text.replace(/(?<![*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\w])/g, '_$1_');
	text = text.replace(/~~(?=\S)([^\n]*?\S)~~/g, '~$1~');
	return release(text.replaceAll(BOLD, '*'), held);
}

/** Removes the bold markers a heading may carry, since the whole heading becomes bold. */
const unbolded = (text: string) => text.replace(/(\*\*|__)(.+?)\1/g, '$2');

function isTableRow(line: string): boolean {
	return /^\s*\|.*\|\s*$/.test(line);
}

function isTableSeparator(line: string): boolean {
	return /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$/.test(line) && line.includes('-');
}

/** A Markdown table as aligned columns, in a code block so that WhatsApp shows it in monospace. */
function tableBlock(rows: string[]): string {
	const cells = rows
		.filter((row) => !isTableSeparator(row))
		.map((row) =>
			row
				.trim()
				.replace(/^\|/, '')
				.replace(/\|$/, '')
				.split('|')
				.map((cell) =>
					cell
						.trim()
						.replace(/(\*\*|__)(.+?)\1/g, '$2')
						.replace(/`/g, ''),
				),
		);
	const widths: number[] = [];
	for (const row of cells)
		row.forEach(
			(cell, index) => (widths[index] = Math.max(widths[index] ?? 0, Array.from(cell).length)),
		);
	const lines = cells.map((row) =>
		row
			.map((cell, index) => cell + ' '.repeat(widths[index] - Array.from(cell).length))
			.join('  ')
			.trimEnd(),
	);
	return ['```', ...lines, '```'].join('\n');
}

export function markdownToWhatsApp(markdown: string): string {
	const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
	const out: string[] = [];
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index];
		// A fenced code block stays as it is, its language name dropped.
		if (/^\s*```/.test(line)) {
			const end = lines.findIndex((candidate, at) => at > index && /^\s*```\s*$/.test(candidate));
			if (end === -1) {
				out.push(line);
				continue;
			}
			out.push('```', ...lines.slice(index + 1, end), '```');
			index = end;
			continue;
		}
		if (isTableRow(line) && index + 1 < lines.length && isTableSeparator(lines[index + 1])) {
			const rows: string[] = [];
			while (index < lines.length && (isTableRow(lines[index]) || isTableSeparator(lines[index])))
				rows.push(lines[index++]);
			index--;
			out.push(tableBlock(rows));
			continue;
		}
		const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading) {
			out.push(heading[1] === '' ? '' : `*${convertInline(unbolded(heading[1]))}*`);
			continue;
		}
		if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
			out.push('');
			continue;
		}
		const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
		if (bullet) {
			out.push(`${bullet[1]}- ${convertInline(bullet[2])}`);
			continue;
		}
		out.push(convertInline(line));
	}
	return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
