/**
 * Template text as a user writes it in n8n: WhatsApp variables ({{1}}, {{first_name}}) and n8n
 * expressions ({{ $json.city }}) share the same braces. n8n turns a field into an expression as soon
 * as `{{` is typed or pasted, and would then evaluate `{{1}}` to `1`. These functions split a field's
 * raw value into its parts, so that WhatsApp variables are kept as written and only real n8n
 * expressions are evaluated. Pure: no n8n imports; the action layer evaluates what is left.
 */

/**
 * What counts as a WhatsApp variable between the braces: a number, or a lower-case name (Meta's named
 * parameters: lower-case letters, digits and _), spaces around allowed. Anything else is an n8n
 * expression. The same rule for a Fixed field and for an expression, at run time and in the editor
 * (the sample fields): `{{1}}` is valid n8n syntax, but an n8n expression that is only a number gives
 * that number back, and one that is only a bare name (`first_name`) gives nothing or fails (n8n has
 * no such variable: its own start with `$`), so nobody writes either to mean an n8n expression.
 * JavaScript's value words (`true`, `null`…) are left to n8n.
 */
const WHATSAPP_VARIABLE = /^\s*(\d+|[a-z_][a-z0-9_]*)\s*$/;

/** Words that are JavaScript values, not variable names. */
const JAVASCRIPT_WORDS = new Set(['true', 'false', 'null', 'undefined', 'this']);

export type TemplateTextPart =
	| { kind: 'text'; text: string }
	| { kind: 'variable'; name: string }
	| { kind: 'expression'; code: string; closed: boolean };

/**
 * Braces that hold neither a WhatsApp variable nor anything an n8n expression is made of (no `$`, no
 * call, no property, no operator but `-`): `{{ first-name }}`, `{{First Name}}`. n8n would evaluate
 * them to nothing useful, so they are reported instead.
 */
const UNCLEAR_VARIABLE = /^\s*[A-Za-z0-9_][A-Za-z0-9_ -]*\s*$/;

/** The variable named between braces, or undefined when the braces hold an n8n expression. */
export function whatsappVariableIn(code: string): string | undefined {
	const name = WHATSAPP_VARIABLE.exec(code)?.[1];
	return name !== undefined && !JAVASCRIPT_WORDS.has(name) ? name : undefined;
}

/**
 * Splits text at `{{ … }}` the way n8n does (the next `}}` closes what `{{` opened). Used for fixed
 * values and for expressions (without their leading `=`) alike.
 */
export function splitTemplateText(text: string): TemplateTextPart[] {
	const parts: TemplateTextPart[] = [];
	let rest = text;
	while (rest !== '') {
		const open = rest.indexOf('{{');
		if (open === -1) {
			parts.push({ kind: 'text', text: rest });
			break;
		}
		if (open > 0) parts.push({ kind: 'text', text: rest.slice(0, open) });
		const close = rest.indexOf('}}', open + 2);
		if (close === -1) {
			parts.push({ kind: 'expression', code: rest.slice(open + 2), closed: false });
			break;
		}
		const code = rest.slice(open + 2, close);
		const name = whatsappVariableIn(code);
		parts.push(
			name !== undefined ? { kind: 'variable', name } : { kind: 'expression', code, closed: true },
		);
		rest = rest.slice(close + 2);
	}
	return parts;
}

/** The WhatsApp variables of a text, each once, in the order they first appear. */
export function variablesOf(text: string): string[] {
	const names: string[] = [];
	for (const part of splitTemplateText(text))
		if (part.kind === 'variable' && !names.includes(part.name)) names.push(part.name);
	return names;
}

/**
 * A field's raw expression (without its `=`) rewritten so that n8n's evaluation leaves each WhatsApp
 * variable as written: `Hi {{1}}, we ship to {{ $json.city }}` becomes an expression whose value is
 * `Hi {{1}}, we ship to Berlin`. `literal` is the text itself when nothing is left to evaluate.
 */
export function keepVariables(expression: string): {
	expression: string;
	literal?: string;
	/** Braces that look like a mistyped variable, as written: `{{ first-name }}`. */
	unclear: string[];
} {
	const parts = splitTemplateText(expression);
	const unclear = parts
		.filter((part) => part.kind === 'expression' && UNCLEAR_VARIABLE.test(part.code))
		.map((part) => `{{${(part as { code: string }).code}}}`);
	const written = (name: string) => `{{${name}}}`;
	if (!parts.some((part) => part.kind === 'expression'))
		return {
			expression,
			unclear,
			literal: parts
				.map((part) =>
					part.kind === 'text' ? part.text : written((part as { name: string }).name),
				)
				.join(''),
		};
	return {
		unclear,
		expression: parts
			.map((part) => {
				if (part.kind === 'text') return part.text;
				// The braces written with escapes, so that no `{{` or `}}` appears in the expression.
				if (part.kind === 'variable') return `{{ "\\x7b\\x7b${part.name}\\x7d\\x7d" }}`;
				return `{{${part.code}${part.closed ? '}}' : ''}`;
			})
			.join(''),
	};
}

/**
 * The text of a field's value (fixed, or an expression with its `=`) with its n8n expressions left
 * out: what is known of the WhatsApp text before a run, used to list the variables in the editor.
 */
export function knownTemplateText(raw: unknown): string {
	if (typeof raw !== 'string') return '';
	return splitTemplateText(raw.startsWith('=') ? raw.slice(1) : raw)
		.map((part) =>
			part.kind === 'text' ? part.text : part.kind === 'variable' ? `{{${part.name}}}` : '',
		)
		.join('');
}
