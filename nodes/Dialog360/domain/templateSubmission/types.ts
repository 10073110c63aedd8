/** What a template submission is made from, and what its check gives back. */
import type { Violation } from '../checks';
import type { TemplateButtonType } from '../rules/templates';

export type ParameterFormat = 'POSITIONAL' | 'NAMED';
export type HeaderFormat = 'NONE' | 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';

export interface TemplateButtonInput {
	type: TemplateButtonType;
	text?: string;
	url?: string;
	/** The full URL with the variable filled in, e.g. https://x.io/o/123. */
	urlSample?: string;
	phoneNumber?: string;
	/** The sample code of a copy-code button. */
	example?: string;
	/** A flow button: the flow by its ID or by its name (one of them), its action and first screen. */
	flowId?: string;
	flowName?: string;
	flowAction?: string;
	navigateScreen?: string;
}

export interface TemplateSubmissionInput {
	name: string;
	category: string;
	language: string;
	allowCategoryChange?: boolean;
	parameterFormat?: ParameterFormat;
	header?: {
		format: HeaderFormat;
		text?: string;
		textSample?: string;
		/** A media sample: a URL, or "upload" when a file is uploaded after the check. */
		mediaSample?: string;
	};
	body?: string;
	/** One example per body variable, in the order the variables first appear. */
	bodySamples?: string[];
	footer?: string;
	buttons?: TemplateButtonInput[];
	authentication?: {
		addSecurityRecommendation?: boolean;
		codeExpirationMinutes?: number;
		otpType?: string;
		buttonText?: string;
	};
}

export interface BuiltSubmission {
	payload: Record<string, unknown>;
	violations: Violation[];
}
