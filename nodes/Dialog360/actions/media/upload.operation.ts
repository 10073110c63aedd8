import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { capitalize } from '../../domain/checks';
import { checkMediaFile } from '../../domain/messages';
import { MEDIA_KINDS } from '../../domain/rules/media';
import { uploadMedia } from '../../transport/media';
import { updateDisplayOptions } from '../displayOptions';
import { readBinaryFile, readText } from '../parameters';
import { assertNoViolations } from '../validation';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to upload',
		description:
			'The file is checked against the rules of the kind it is sent as, then uploaded; the media ID is kept 30 days',
	},
	{
		displayName: 'Send As',
		name: 'mediaKind',
		type: 'options',
		default: 'auto',
		description:
			'Which message type the file is meant for; its type and size are checked against that kind',
		options: [
			{ name: 'Detect From File Type', value: 'auto' },
			...MEDIA_KINDS.map((kind) => ({ name: capitalize(kind), value: kind })),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['media'], operation: ['upload'] } },
	properties,
);

/** One upload per item, one at a time: each item brings its own file. */
export const runShape = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const file = await readBinaryFile(
		this,
		itemIndex,
		readText(this, 'binaryPropertyName', itemIndex),
	);
	const { kind, mimeType, violations } = checkMediaFile(
		readText(this, 'mediaKind', itemIndex, 'auto'),
		file.mimeType,
		file.data.length,
	);
	assertNoViolations(this, violations, itemIndex, 'media file');
	const mediaId = await uploadMedia.call(
		this,
		{ data: file.data, mimeType, fileName: file.fileName },
		itemIndex,
	);
	return { mediaId, kind, mimeType, fileName: file.fileName ?? null, bytes: file.data.length };
}
