import type {
	IBinaryData,
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { RecentEvents } from '../domain/recentEvents';
import {
	eventIdentity,
	matchesFilter,
	mediaOf,
	MalformedDeliveryError,
	readDelivery,
	type EventFilter,
	type EventKind,
	type WebhookEvent,
} from '../domain/webhookEvents';
import { toJson } from '../domain/values';
import { downloadMedia } from '../transport/media';
import { burstAnswer, closeBursts, joinBursts, mergedEvent, MERGE_RULES } from './bursts';
import { deliverySecretMatches } from './deliverySecret';
import { DELIVERY_HEADER, type RegistrationState } from './registration';
import { answerWaits, type UnusedAnswer } from './waitAnswers';

export { MERGE_RULES };

// Per n8n process, per trigger node: redeliveries usually come back to the same process within minutes.
const recentByNode = new Map<string, RecentEvents>();

const scopeOf = (ctx: IWebhookFunctions) => `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;

function recentEventsOf(ctx: IWebhookFunctions): RecentEvents {
	const key = scopeOf(ctx);
	let recent = recentByNode.get(key);
	if (!recent) {
		recent = new RecentEvents();
		recentByNode.set(key, recent);
	}
	return recent;
}

function forgetEvent(recent: RecentEvents, event: WebhookEvent): void {
	const identity = eventIdentity(event);
	if (identity !== undefined) recent.forget(identity);
}

function readFilter(ctx: IWebhookFunctions): EventFilter {
	return {
		kinds: ctx.getNodeParameter('events', ['message', 'status']) as EventKind[],
		messageTypes: ctx.getNodeParameter('messageTypes', []) as string[],
		statuses: ctx.getNodeParameter('statuses', []) as string[],
	};
}

/** A message's file as n8n binary data, or why it could not be downloaded. */
async function fileOf(
	ctx: IWebhookFunctions,
	media: NonNullable<ReturnType<typeof mediaOf>>,
): Promise<{ binary: IBinaryData } | { error: string }> {
	try {
		const file = await downloadMedia.call(ctx, media.id);
		return {
			binary: await ctx.helpers.prepareBinaryData(
				file.data,
				media.filename ?? file.fileName,
				file.mimeType,
			),
		};
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/**
 * The item of an event with its files. One message: its file in `property`. A merged burst: every
 * message's file, the first in `property`, the n-th in `property_n` (data, data_2, data_3…), and
 * each message says where its file went (`binaryField`) or why it is missing (`mediaError`). The
 * event still goes through when a file is missing; `mediaError` on the item says why.
 */
async function withMedia(
	ctx: IWebhookFunctions,
	event: WebhookEvent,
	property: string,
): Promise<INodeExecutionData> {
	const item: INodeExecutionData = { json: toJson(event) };
	const files: Array<[field: string, data: IBinaryData | undefined]> = [];
	const fetchInto = async (
		media: ReturnType<typeof mediaOf>,
	): Promise<{ binaryField?: string; mediaError?: string }> => {
		if (!media) return {};
		// Named before the download starts, so that the names follow the order of the messages.
		const slot =
			files.push([files.length === 0 ? property : `${property}_${files.length + 1}`, undefined]) -
			1;
		const file = await fileOf(ctx, media);
		if ('error' in file) return { mediaError: file.error };
		files[slot][1] = file.binary;
		return { binaryField: files[slot][0] };
	};
	let mediaError: string | undefined;
	if (event.messages) {
		const messages = await Promise.all(
			event.messages.map(async (message) => ({
				...message,
				...(await fetchInto(mediaOf({ ...event, message }))),
			})),
		);
		item.json = { ...item.json, messages: messages.map(toJson) };
		mediaError = messages.find((message) => message.mediaError)?.mediaError;
	} else mediaError = (await fetchInto(mediaOf(event))).mediaError;
	const binary: IBinaryKeyData = {};
	for (const [field, data] of files) if (data) binary[field] = data;
	if (Object.keys(binary).length > 0) item.binary = binary;
	if (mediaError !== undefined) item.json = { ...item.json, mediaError };
	return item;
}

const isText = (event: WebhookEvent) => event.kind === 'message' && event.message?.type === 'text';

/**
 * The items of the bursts a delivery owns, once each has gone quiet. A burst's texts, merged, may
 * answer a Free Text question of Send and Wait: they resume it as one answer, and the burst's other
 * messages still go on. Otherwise the burst is one item (the events the trigger listens to).
 */
async function closedBursts(
	ctx: IWebhookFunctions,
	owned: string[],
	mergeMs: number,
	filter: EventFilter,
): Promise<Array<WebhookEvent & { waitAnswer?: UnusedAnswer }>> {
	const items: Array<WebhookEvent & { waitAnswer?: UnusedAnswer }> = [];
	for (const burst of await closeBursts(owned, mergeMs)) {
		let rest = burst;
		let waitAnswer: UnusedAnswer | undefined;
		const texts = burst.filter(isText);
		if (texts.length > 0) {
			try {
				const [left] = await answerWaits(ctx, [burstAnswer(texts)]);
				if (left) waitAnswer = left.waitAnswer;
				else rest = burst.filter((event) => !texts.includes(event));
			} catch (error) {
				// 360dialog has had its 200: the answer goes to the workflow, saying why it resumed nothing.
				waitAnswer = {
					resumed: false,
					reason: `The answer could not be handed to its waiting execution: ${(error as Error).message}`,
				};
			}
		}
		const shown = rest.filter((event) => matchesFilter(event, filter));
		if (shown.length > 0)
			items.push(waitAnswer ? { ...mergedEvent(shown), waitAnswer } : mergedEvent(shown));
	}
	return items;
}

/**
 * One delivery: the secret header checked in constant time (401, no execution), the body read in the
 * Cloud or the legacy format (400 when malformed), filtered, deduplicated, and one item per event.
 */
export async function receiveDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = ctx.getWorkflowStaticData('node') as RegistrationState;
	const response = ctx.getResponseObject();
	const header = (ctx.getHeaderData() as IDataObject)[DELIVERY_HEADER];
	if (!(await deliverySecretMatches(ctx, state, header))) {
		response.status(401).json({ error: 'unauthorized' });
		return { noWebhookResponse: true };
	}
	let events: WebhookEvent[];
	try {
		events = readDelivery(ctx.getBodyData());
	} catch (error) {
		const message =
			error instanceof MalformedDeliveryError ? error.message : 'Malformed 360dialog delivery';
		response.status(400).json({ error: message });
		return { noWebhookResponse: true };
	}

	const filter = readFilter(ctx);
	const options = ctx.getNodeParameter('options', {}) as {
		acknowledge?: 'stored' | 'atOnce';
		downloadMedia?: boolean;
		binaryPropertyName?: string;
		mergeSeconds?: number;
	};
	const mergeMs = Math.min(Number(options.mergeSeconds) || 0, MERGE_RULES.maxSeconds) * 1000;
	const recent = recentEventsOf(ctx);
	const firstSeen = events.filter((event) => {
		const identity = eventIdentity(event);
		return identity === undefined || recent.firstTime(identity);
	});
	// With merging on, a contact's texts join their burst first: the whole burst answers a Free Text
	// question, not its first fragment (closedBursts).
	const texts = mergeMs > 0 ? firstSeen.filter(isText) : [];
	// Answers to Send and Wait for Response go to their executions whatever the events chosen. When
	// n8n cannot be reached for them, 360dialog gets an error and delivers them again; the answers
	// handed over before stay known, so that the redelivery does not hand them on a second time.
	const handedOver: WebhookEvent[] = [];
	const left = await answerWaits(
		ctx,
		firstSeen.filter((event) => !texts.includes(event)),
		handedOver,
	).catch((error: Error) => {
		for (const event of firstSeen) if (!handedOver.includes(event)) forgetEvent(recent, event);
		throw error;
	});
	const fresh = left.filter((event) => matchesFilter(event, filter));
	if (fresh.length === 0 && texts.length === 0)
		return { webhookResponse: { received: events.length, emitted: 0 } };

	const withFiles = Boolean(options.downloadMedia) && fresh.some((event) => mediaOf(event));
	// 360dialog wants the answer at once: files are fetched after it, bursts are merged after it, and
	// on request n8n stores the execution after it too. Otherwise n8n answers once it is stored.
	if (!withFiles && mergeMs === 0 && options.acknowledge !== 'atOnce') {
		// n8n answers with an error when it cannot store the execution; 360dialog then delivers the
		// events again, and that delivery must not be taken for a repeat.
		response.once('finish', () => {
			if (response.statusCode >= 300) for (const event of fresh) forgetEvent(recent, event);
		});
		// n8n answers 360dialog then, with the body the webhook description's responseData says (none).
		return { workflowData: [ctx.helpers.returnJsonArray(fresh.map(toJson))] };
	}
	response.status(200).json({ received: events.length, emitted: fresh.length + texts.length });
	let emitted = fresh;
	if (mergeMs > 0) {
		const mergeable = [...texts, ...fresh.filter((event) => event.kind === 'message')];
		// Messages join their contact's open burst; the delivery that opened one waits for it to end.
		const owned = joinBursts(
			scopeOf(ctx),
			firstSeen.filter((event) => mergeable.includes(event)),
		);
		const others = fresh.filter((event) => event.kind !== 'message');
		if (owned.length === 0 && others.length === 0) return { noWebhookResponse: true };
		emitted = [...others, ...(await closedBursts(ctx, owned, mergeMs, filter))];
		if (emitted.length === 0) return { noWebhookResponse: true };
	}
	const property = options.binaryPropertyName || 'data';
	const items =
		Boolean(options.downloadMedia) && emitted.some((event) => mediaOf(event) || event.messages)
			? await Promise.all(emitted.map(async (event) => await withMedia(ctx, event, property)))
			: ctx.helpers.returnJsonArray(emitted.map(toJson));
	return { noWebhookResponse: true, workflowData: [items] };
}
