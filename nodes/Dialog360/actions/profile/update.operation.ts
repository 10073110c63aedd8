import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readImageInfo } from '../../domain/image';
import {
	checkProfilePhoto,
	validateProfileUpdate,
	type ProfileUpdateInput,
} from '../../domain/profile';
import { PROFILE_PHOTO_RULES, PROFILE_RULES, VERTICALS } from '../../domain/rules/profile';
import { textOf } from '../../domain/values';
import { apiRequest } from '../../transport/request';
import { resumableUpload } from '../../transport/uploads';
import { updateDisplayOptions } from '../displayOptions';
import { readBinaryFile } from '../parameters';
import { assertNoViolations } from '../validation';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add are changed',
		options: [
			{
				displayName: 'About',
				name: 'about',
				type: 'string',
				default: '',
				hint: `${PROFILE_RULES.about.min} to ${PROFILE_RULES.about.max} characters, not only spaces`,
				description:
					"The text of the profile's About section. Emoji are fine; links are not clickable.",
			},
			{
				displayName: 'Address',
				name: 'address',
				type: 'string',
				default: '',
				hint: `At most ${PROFILE_RULES.address.max} characters`,
				description: 'The business address, shown in the profile',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				hint: `At most ${PROFILE_RULES.description.max} characters`,
				description: 'What the business does, shown in the profile',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				hint: `A valid email address, at most ${PROFILE_RULES.email.max} characters`,
				description: 'An address to contact the business, shown in the profile',
			},
			{
				displayName: 'Profile Photo Input Binary Field',
				name: 'photoBinaryProperty',
				type: 'string',
				default: 'data',
				hint: `The name of the input binary field containing the photo: JPEG or PNG, square, at least ${PROFILE_PHOTO_RULES.minimumSide} px`,
				description: `The profile photo (${PROFILE_PHOTO_RULES.recommendedSide} × ${PROFILE_PHOTO_RULES.recommendedSide} px recommended). It is uploaded first, then set.`,
			},
			{
				displayName: 'Vertical',
				name: 'vertical',
				type: 'options',
				options: VERTICALS.map((vertical) => ({ name: vertical.label, value: vertical.value })),
				default: 'OTHER',
				description:
					'The industry of the business. Once set it cannot be emptied again, only changed.',
			},
			{
				displayName: 'Websites',
				name: 'websites',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Website' },
				default: [],
				placeholder: 'e.g. https://example.com',
				hint: `At most ${PROFILE_RULES.websites.max} URLs starting with http:// or https://, each at most ${PROFILE_RULES.website.max} characters`,
				description: 'The websites shown in the profile; the list replaces the current one',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['profile'], operation: ['update'] } },
	properties,
);

/** One update per item, one at a time, so the last item's values are the ones that stay. */
export const runShape = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const input: ProfileUpdateInput = {};
	for (const name of ['about', 'address', 'description', 'email', 'vertical'] as const) {
		if (fields[name] !== undefined) input[name] = textOf(fields[name]);
	}
	if (fields.websites !== undefined) {
		input.websites = (Array.isArray(fields.websites) ? fields.websites : [fields.websites]).map(
			textOf,
		);
	}

	const { payload, violations } = validateProfileUpdate(input);
	let photo: { data: Buffer; mimeType: string; fileName?: string } | undefined;
	const warnings: string[] = [];
	if (fields.photoBinaryProperty !== undefined) {
		const file = await readBinaryFile(this, itemIndex, textOf(fields.photoBinaryProperty));
		const image = readImageInfo(file.data);
		const checked = checkProfilePhoto(image);
		if (checked.violation) violations.push(checked.violation);
		warnings.push(...checked.warnings);
		if (image) photo = { data: file.data, mimeType: image.mimeType, fileName: file.fileName };
	}

	assertNoViolations(this, violations, itemIndex, 'WhatsApp business profile');
	if (Object.keys(payload).length === 0 && !photo) {
		throw new NodeOperationError(
			this.getNode(),
			'Add at least one field to update under "Update Fields"',
			{ itemIndex },
		);
	}

	if (photo) payload.profile_picture_handle = await resumableUpload.call(this, photo, itemIndex);
	await apiRequest.call(this, {
		method: 'POST',
		endpoint: 'profile',
		body: { messaging_product: 'whatsapp', ...payload } as IDataObject,
		idempotent: false, // an update is a write: after an answer that leaves it in doubt it is reported, not repeated
		itemIndex,
	});
	const updated = Object.keys(payload).map((field) =>
		field === 'profile_picture_handle' ? 'profile_picture' : field,
	);
	return { success: true, updated, ...(warnings.length ? { warnings } : {}) };
}
