/**
 * Checking input against the rule tables of rules/: the violation type, the length and count
 * checks, and the small text helpers the messages are built with. Every check collects; none throws.
 */
import type { LengthRule } from './rules';

/**
 * Characters as a person counts them (code points), not UTF-16 units: an emoji is one character.
 * [L] Meta does not say how it counts; code points are the reading that never rejects text WhatsApp
 * would accept because of surrogate pairs.
 */
export function countCharacters(text: string): number {
	return Array.from(text).length;
}

/** "image" → "Image", for labels built from enum values. */
/**
 * A word with its indefinite article, as these messages use them: "an image", "an authentication",
 * but "a utility", "a URL" (u sounds as "you" in every word they name).
 */
export function withArticle(word: string): string {
	return `${/^[aeio]/i.test(word) ? 'an' : 'a'} ${word}`;
}

export function capitalize(text: string): string {
	return text ? `${text[0].toUpperCase()}${text.slice(1)}` : text;
}

export interface Violation {
	field: string;
	message: string;
}

/** "About must be at most 139 characters (got 150)" — the field, the problem and the rule. */
export function lengthViolation(
	label: string,
	text: string,
	rule: LengthRule,
): Violation | undefined {
	const length = countCharacters(text);
	// WhatsApp shows nothing for a text of spaces only, and refuses it where text is required.
	if (rule.min !== undefined && rule.min > 0 && length >= rule.min && text.trim() === '')
		return { field: label, message: `${label} must not be only spaces: write the text to show` };
	if (rule.min !== undefined && length < rule.min) {
		return {
			field: label,
			message: `${label} must be at least ${rule.min} character${rule.min === 1 ? '' : 's'} (got ${length})`,
		};
	}
	if (length > rule.max)
		return {
			field: label,
			message: `${label} must be at most ${rule.max} characters (got ${length})`,
		};
	return undefined;
}

export function countViolation(
	label: string,
	count: number,
	rule: { min: number; max: number },
): Violation | undefined {
	if (count < rule.min)
		return { field: label, message: `${label} needs at least ${rule.min} (got ${count})` };
	if (count > rule.max)
		return { field: label, message: `${label} must be at most ${rule.max} (got ${count})` };
	return undefined;
}

const MB = 1024 * 1024;

/** "got 6.2 MB", or the exact bytes when rounding would show the limit itself ("got 5,242,881 bytes"). */
export function sizeOverLimit(bytes: number, maxBytes: number): string {
	const rounded = formatBytes(bytes);
	return rounded === formatBytes(maxBytes) ? `${bytes.toLocaleString('en')} bytes` : rounded;
}

export function formatBytes(bytes: number): string {
	if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
	if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
	return `${bytes} bytes`;
}

/** Collects every violation of one input, so a single error names them all, one per line. */
export class RuleChecks {
	readonly violations: Violation[] = [];

	length(label: string, text: string | undefined, rule: LengthRule): void {
		const violation = lengthViolation(label, text ?? '', rule);
		if (violation) this.violations.push(violation);
	}

	optionalLength(label: string, text: string | undefined, rule: LengthRule): void {
		if (text !== undefined && text !== '') this.length(label, text, rule);
	}

	count(label: string, count: number, rule: { min: number; max: number }): void {
		const violation = countViolation(label, count, rule);
		if (violation) this.violations.push(violation);
	}

	/** Adds to the last violation what the user can do about it ("…, or …"). */
	extendLast(advice: string): void {
		const last = this.violations[this.violations.length - 1];
		if (last) last.message = `${last.message}, ${advice}`;
	}

	add(field: string, message: string): void {
		this.violations.push({ field, message });
	}
}

/**
 * How an error reports violations: the only one as the message, or how many as the message and each
 * on its own line below, so none hides in a paragraph.
 */
export function reportViolations(
	violations: Violation[],
	subject: string,
): { message: string; lines: string[] } {
	if (violations.length === 1) return { message: violations[0].message, lines: [] };
	return {
		message: `${subject} breaks ${violations.length} rules`,
		lines: violations.map((violation) => `• ${violation.message}`),
	};
}
