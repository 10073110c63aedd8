/** Reading what the user set: every value from a field or an expression goes through these. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseTemplateKey } from '../domain/templates';
import { textOf } from '../domain/values';

/** A parameter as text: expressions may give numbers, null or objects. */
export function readText(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback = '',
): string {
	return textOf(ctx.getNodeParameter(name, itemIndex, fallback));
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

export function wantsRawOutput(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('simplify', itemIndex, true) === false;
}

export function readTemplateLocator(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { name: string; language: string } {
	const selected = ctx.getNodeParameter('template', itemIndex, '', { extractValue: true });
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
