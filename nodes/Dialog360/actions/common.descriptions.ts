import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export function simplifyOption(show: { resource: string; operation: string }): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show: { resource: [show.resource], operation: [show.operation] } },
	};
}

export function wantsRawOutput(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('simplify', itemIndex, true) === false;
}
