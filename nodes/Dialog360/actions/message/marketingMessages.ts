/**
 * Send Template › Send Through: the Cloud API (POST /messages) or Marketing Messages Lite (POST
 * /marketing_messages), and the fallback from one to the other. The rules are in
 * domain/marketingMessages.ts; this file reads the fields and sends.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Violation } from '../../domain/checks';
import type { BuiltMessage } from '../../domain/messages';
import {
	classifyMarketingRefusal,
	isSendPath,
	marketingMessagesBody,
	MM_LITE_TTL,
	planMarketingSend,
	ttlSecondsOf,
	type MarketingExtras,
	type RefusalReason,
	type SendPath,
} from '../../domain/marketingMessages';
import { answerOf, isInDoubt } from '../../transport/errors';
import { itemParameter } from '../parameters';
import { sendMessage, type SendingOptions } from './sending';

const showForMmLite = { show: { sendThrough: ['marketing_messages'] } };

export const sendThroughProperties: INodeProperties[] = [
	{
		displayName: 'Send Through',
		name: 'sendThrough',
		type: 'options',
		default: 'messages',
		options: [
			{
				name: 'Cloud API',
				value: 'messages',
				description: 'The usual way (POST /messages): every template category',
			},
			{
				name: 'Marketing Messages Lite',
				value: 'marketing_messages',
				description:
					"Meta's Marketing Messages Lite API (POST /marketing_messages): marketing templates only, with delivery optimised for marketing. The business must have accepted the MM Lite terms.",
			},
		],
		description: 'Which WhatsApp API carries the message',
	},
	{
		displayName: 'Fall Back to Cloud API',
		name: 'fallBackToCloudApi',
		type: 'boolean',
		default: true,
		description:
			'Whether a message that Marketing Messages Lite refuses as not available (terms not accepted, a template that is not marketing, a template not yet synced) goes through the Cloud API instead. Only a refusal that says the message was not accepted falls back; a timeout, a lost connection or a server error is reported as possibly sent and never repeated. The output says which path carried each message (sentThrough, fellBackBecause).',
		displayOptions: showForMmLite,
	},
	{
		displayName: 'Activity Sharing',
		name: 'messageActivitySharing',
		type: 'boolean',
		default: false,
		description:
			"Whether Meta may share the message's activity (clicks, conversions) for measurement (message_activity_sharing). Marketing Messages Lite only; a message that falls back is sent without it.",
		displayOptions: showForMmLite,
	},
	{
		displayName: MM_LITE_TTL.label,
		name: 'timeToLiveHours',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: MM_LITE_TTL.maxSeconds / 3600, numberPrecision: 2 },
		description:
			'How long WhatsApp keeps trying to deliver the message: 12 to 720 hours (30 days); 0 for the default of 30 days. Marketing Messages Lite only; a message that falls back is sent without it.',
		displayOptions: showForMmLite,
	},
];

export interface SendThroughChoice {
	path: SendPath;
	fallBack: boolean;
	extras: MarketingExtras;
}

/** The item's Send Through fields, checked; violations are added to the item's list. */
export function readSendThrough(
	ctx: IExecuteFunctions,
	itemIndex: number,
	violations: Violation[],
): SendThroughChoice {
	const raw = itemParameter(ctx, 'sendThrough', itemIndex, 'messages');
	const path: SendPath = isSendPath(raw) ? raw : 'messages';
	if (path === 'messages') return { path, fallBack: false, extras: {} };
	const ttl = ttlSecondsOf(itemParameter(ctx, 'timeToLiveHours', itemIndex, 0));
	violations.push(...ttl.violations);
	return {
		path,
		fallBack: itemParameter(ctx, 'fallBackToCloudApi', itemIndex, true) === true,
		extras: {
			activitySharing: itemParameter(ctx, 'messageActivitySharing', itemIndex, false) === true,
			ttlSeconds: ttl.seconds,
		},
	};
}

/** The check before sending: a template known not to be marketing never goes to MM Lite. */
export function checkSendThrough(
	choice: SendThroughChoice,
	template: { name: string; language: string; category?: string | null },
	violations: Violation[],
): ReturnType<typeof planMarketingSend> | undefined {
	if (choice.path === 'messages') return undefined;
	const plan = planMarketingSend({ ...template, fallBack: choice.fallBack });
	if (plan.kind === 'refuse') violations.push(plan.violation);
	return plan;
}

/** The refusal's rule and the two ways on, in front of what the answer said. */
function explained(error: Error, explanation: string): Error {
	const described = error as { description?: string | null };
	described.description = [
		explanation,
		'Turn on Fall Back to Cloud API to send such messages through the Cloud API, or choose Send Through › Cloud API.',
		described.description,
	]
		.filter(Boolean)
		.join('\n');
	return error;
}

function carried(result: IDataObject, path: SendPath, reason: RefusalReason | null): IDataObject {
	return { ...result, sentThrough: path, fellBackBecause: reason };
}

/**
 * Sends a checked template message the chosen way. Through MM Lite, a documented "not available"
 * refusal (an answer that the message was not accepted) sends the same message once through the
 * Cloud API when fallback is on; anything else, above all a failure that leaves the message in doubt,
 * is reported as it is and never sent again on either path.
 */
export async function sendTemplateThrough(
	ctx: IExecuteFunctions,
	built: Pick<BuiltMessage, 'payload' | 'recipient'>,
	itemIndex: number,
	options: SendingOptions,
	choice: SendThroughChoice,
	plan: ReturnType<typeof checkSendThrough>,
): Promise<IDataObject> {
	const viaCloudApi = () => sendMessage(ctx, built, itemIndex, ['templateSend'], options);
	if (choice.path === 'messages' || !plan) return await viaCloudApi();
	if (plan.kind === 'cloudApi')
		return carried(await viaCloudApi(), 'messages', plan.fellBackBecause);

	const marketing = {
		payload: marketingMessagesBody(built.payload, choice.extras),
		recipient: built.recipient,
	};
	const outcome = await sendMessage(
		ctx,
		marketing,
		itemIndex,
		['templateSend'],
		options,
		'marketingMessages',
	).then(
		(result) => ({ result, refusal: undefined }),
		(error: Error) => {
			const refusal = isInDoubt(error) ? undefined : classifyMarketingRefusal(answerOf(error));
			if (!refusal) throw error;
			if (!choice.fallBack) throw explained(error, refusal.explanation);
			return { result: undefined, refusal };
		},
	);
	if (outcome.result) return carried(outcome.result, 'marketing_messages', null);
	return carried(await viaCloudApi(), 'messages', outcome.refusal.reason);
}
