/** The fields of a location message. */
import type { INodeProperties } from 'n8n-workflow';

import { forTypes } from './messageTypes';

export const locationFields: INodeProperties[] = [
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
		required: true,
		default: 0,
		description: 'From -90 to 90',
		displayOptions: forTypes(['location']),
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
		required: true,
		default: 0,
		description: 'From -180 to 180',
		displayOptions: forTypes(['location']),
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
		description: 'The name shown above the address, for example the shop',
		displayOptions: forTypes(['location']),
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		description: 'The address shown under the name',
		displayOptions: forTypes(['location']),
	},
];
