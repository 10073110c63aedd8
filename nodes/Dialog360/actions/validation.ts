import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { reportViolations, type Violation } from '../domain/checks';

/**
 * Stops the item before anything is sent when the input breaks a rule: one error that names every
 * violation, one per line, with n8n's "[item N]" (the Item Index the editor shows with the error).
 */
export function assertNoViolations(
	ctx: IExecuteFunctions,
	violations: Violation[],
	itemIndex: number,
	subject: string,
): void {
	if (violations.length === 0) return;
	const report = reportViolations(violations, `The ${subject}`);
	throw new NodeOperationError(ctx.getNode(), `${report.message} [item ${itemIndex}]`, {
		itemIndex,
		description: [...report.lines, 'Nothing was sent.'].join('\n'),
	});
}
