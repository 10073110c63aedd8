/** Reading what the user set: every value from a field or an expression goes through these. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { keepVariables } from '../domain/templateText';
import { parseTemplateKey } from '../domain/templates';
import { textOf } from '../domain/values';
import { assertNoViolations } from './validation';

/**
 * A parameter of one item, as getNodeParameter gives it, without n8n's check of the value against
 * the property's `validateType` (and a resource mapper's `.value`, which this does not read). No
 * property of this package declares one (test/unit/itemParameter.test.ts), so the check finds
 * nothing to do, but finding the property takes a search of the node's properties on every read:
 * about a third of the CPU time of reading a send's parameters in a bulk run (measured). The check:
 * https://github.com/n8n-io/n8n/blob/master/packages/core/src/execution-engine/node-execution-context/utils/validate-value-against-schema.ts
 * The parameters a send reads for every item go through this.
 */
export function itemParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options: { extractValue?: boolean } = {},
): unknown {
	return ctx.getNodeParameter(name, itemIndex, fallback, { ...options, skipValidation: true });
}

/** A parameter as text: expressions may give numbers, null or objects. */
export function readText(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback = '',
): string {
	return textOf(itemParameter(ctx, name, itemIndex, fallback));
}

/** A raw parameter value (as stored in the workflow) evaluated as n8n would. */
function evaluateRaw(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): unknown {
	return typeof raw === 'string' && raw.startsWith('=')
		? ctx.evaluateExpression(raw.slice(1), itemIndex)
		: raw;
}

/**
 * A field that takes WhatsApp template variables: `{{1}}` and `{{first_name}}` arrive as written,
 * whether the field is fixed or an expression (n8n makes a field one when `{{…}}` is pasted into it),
 * and the n8n expressions in it (`{{ $json.city }}`) are evaluated. `label` names the field in errors.
 */
export function templateTextOf(
	ctx: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	label: string,
): string {
	if (typeof raw !== 'string') return textOf(raw);
	// Fixed or expression alike: as n8n's HTML node does with its template, the n8n expressions in a
	// fixed value are evaluated too, so that the Body can stay fixed (the editor then sees its variables).
	const kept = keepVariables(raw.startsWith('=') ? raw.slice(1) : raw);
	const howToWrite = `WhatsApp variables are written {{1}}, {{2}}… or {{first_name}} (lower-case letters, digits and _) and are sent as written. Anything else between {{ and }} is an n8n expression, such as {{ $json.city }}.`;
	if (kept.unclear.length)
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} has ${kept.unclear.join(', ')}, which is neither a WhatsApp variable nor an n8n expression [item ${itemIndex}]`,
			{ itemIndex, description: howToWrite },
		);
	if (kept.literal !== undefined) return kept.literal;
	try {
		return textOf(ctx.evaluateExpression(kept.expression, itemIndex));
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} has an n8n expression that could not be evaluated: ${(error as Error).message} [item ${itemIndex}]`,
			{ itemIndex, description: howToWrite },
		);
	}
}

/** A parameter that takes WhatsApp template variables, read with templateTextOf. */
export function readTemplateText(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { rawExpressions: true });
	return templateTextOf(ctx, raw, itemIndex, label);
}

/**
 * The entries of a fixedCollection read raw, each field evaluated as n8n would, except those in
 * `templateFields`, which keep their WhatsApp variables (templateTextOf).
 */
export function collectionEntriesWithTemplateText(
	ctx: IExecuteFunctions,
	name: string,
	key: string,
	itemIndex: number,
	templateFields: Record<string, (entryIndex: number) => string>,
): IDataObject[] {
	const collection = evaluateRaw(
		ctx,
		ctx.getNodeParameter(name, itemIndex, {}, { rawExpressions: true }),
		itemIndex,
	) as IDataObject;
	const entries = collection?.[key];
	if (!Array.isArray(entries)) return [];
	return entries
		.map((entry) => evaluateRaw(ctx, entry, itemIndex))
		.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null)
		.map((entry, entryIndex): IDataObject =>
			Object.fromEntries(
				Object.entries(entry).map(([field, raw]) => [
					field,
					templateFields[field]
						? templateTextOf(ctx, raw, itemIndex, templateFields[field](entryIndex))
						: (evaluateRaw(ctx, raw, itemIndex) as IDataObject[string]),
				]),
			),
		);
}

/** The entries of a fixedCollection with multiple values (`{ button: [...] }`), objects only. */
export function collectionEntries(
	ctx: IExecuteFunctions,
	name: string,
	key: string,
	itemIndex: number,
): IDataObject[] {
	const collection = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const entries = collection?.[key];
	return Array.isArray(entries)
		? entries.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null)
		: [];
}

/**
 * A JSON field that holds an object: undefined when empty; anything else stops the item with an
 * error that names the field (Nothing was sent).
 */
export function readJsonObject(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	subject: string,
): Record<string, unknown> | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
		return undefined;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw) as unknown;
		} catch (error) {
			assertNoViolations(
				ctx,
				[{ field: label, message: `${label} is not valid JSON: ${(error as Error).message}` }],
				itemIndex,
				subject,
			);
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		assertNoViolations(
			ctx,
			[
				{
					field: label,
					message: `${label} must be a JSON object such as { "name": "Ada" } (got ${textOf(raw)})`,
				},
			],
			itemIndex,
			subject,
		);
	return value as Record<string, unknown>;
}

/** How many results Return All and Limit (returnAllFields) ask for: Infinity for all. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return Infinity;
	return ctx.getNodeParameter('limit', itemIndex, 50) as number;
}

export function wantsRawOutput(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return itemParameter(ctx, 'simplify', itemIndex, true) === false;
}

export function readTemplateLocator(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { name: string; language: string } {
	const selected = itemParameter(ctx, 'template', itemIndex, '', { extractValue: true });
	const key = parseTemplateKey(selected);
	if (!key) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Template must be chosen from the list or written as name|language (got "${textOf(selected)}") [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	return key;
}

export interface BinaryFile {
	data: Buffer;
	mimeType: string;
	fileName?: string;
}

/** The file in an input binary field: n8n checks the field exists, then gives its bytes. */
export async function readBinaryFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
): Promise<BinaryFile> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, property);
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	return { data, mimeType: binary.mimeType, fileName: binary.fileName };
}
