import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { PROFILE_FIELDS_QUERY, profileFromResponse, simplifyProfile } from '../../domain/profile';
import { apiRequest } from '../../transport/request';
import { simplifyField } from '../descriptions/common';
import { updateDisplayOptions } from '../displayOptions';
import { toJson } from '../../domain/values';
import { wantsRawOutput } from '../parameters';

export const description = updateDisplayOptions(
	{ show: { resource: ['profile'], operation: ['get'] } },
	[simplifyField],
);

/** One read per item, one at a time. */
export const runShape = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'profile',
		qs: { fields: PROFILE_FIELDS_QUERY },
		idempotent: true,
		itemIndex,
	});
	if (wantsRawOutput(this, itemIndex)) return response;
	return toJson(simplifyProfile(profileFromResponse(response)));
}
