import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkMediaFile } from '../../domain/messages';
import { capitalize, MEDIA_KINDS } from '../../domain/rules';
import { uploadMedia } from '../../transport/media';
import { assertNoViolations } from '../validation';

const show = { resource: ['media'], operation: ['upload'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to upload',
		description: 'The file is checked against the rules of the kind it is sent as, then uploaded; the media ID is kept 30 days',
		displayOptions: { show },
	},
	{
		displayName: 'Send As',
		name: 'mediaKind',
		type: 'options',
		default: 'auto',
		description: 'Which message type the file is meant for; its type and size are checked against that kind',
		options: [
			{ name: 'Detect From File Type', value: 'auto' },
			...MEDIA_KINDS.map((kind) => ({ name: capitalize(kind), value: kind })),
		],
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const property = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	const { kind, mimeType, violations } = checkMediaFile(this.getNodeParameter('mediaKind', itemIndex, 'auto') as string, binary.mimeType, data.length);
	assertNoViolations(this, violations, itemIndex, 'WhatsApp media');
	const mediaId = await uploadMedia.call(this, { data, mimeType, fileName: binary.fileName }, itemIndex);
	return { mediaId, kind, mimeType, fileName: binary.fileName ?? null, bytes: data.length };
}
