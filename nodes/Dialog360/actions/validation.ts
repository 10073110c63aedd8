import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Violation } from '../domain/checks';

/**
 * Stops the item before anything is sent when the input breaks a rule: one error that lists every
 * violation, in n8n's "[item N]" form so the user finds the item in a batch.
 */
export function assertNoViolations(
	ctx: IExecuteFunctions,
	violations: Violation[],
	itemIndex: number,
	subject: string,
): void {
	if (violations.length === 0) return;
	const count = violations.length;
	throw new NodeOperationError(
		ctx.getNode(),
		`${violations.map((violation) => violation.message).join('; ')} [item ${itemIndex}]`,
		{
			itemIndex,
			description: `${count} field${count === 1 ? '' : 's'} break${count === 1 ? 's' : ''} the ${subject} rules; nothing was sent.`,
		},
	);
}
