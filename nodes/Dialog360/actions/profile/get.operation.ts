import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PROFILE_FIELDS_QUERY, profileFromResponse, simplifyProfile } from '../../domain/profile';
import { apiRequest } from '../../transport/request';
import { simplifyOption, wantsRawOutput } from '../common.descriptions';

export const description: INodeProperties[] = [simplifyOption({ resource: 'profile', operation: 'get' })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'profile',
		qs: { fields: PROFILE_FIELDS_QUERY },
		idempotent: true,
		itemIndex,
	});
	if (wantsRawOutput(this, itemIndex)) return response;
	return simplifyProfile(profileFromResponse(response)) as unknown as IDataObject;
}
