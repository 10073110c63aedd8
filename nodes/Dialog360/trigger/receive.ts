import type {
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
import { toJson } from '../helpers/json';
import { downloadMedia } from '../transport/media';
import { closeBursts, joinBursts, MERGE_RULES } from './bursts';
import { deliverySecretMatches } from './deliverySecret';
import { DELIVERY_HEADER, type RegistrationState } from './registration';
import { answerWaits } from './waitAnswers';

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

async function withMedia(
	ctx: IWebhookFunctions,
	event: WebhookEvent,
	property: string,
): Promise<INodeExecutionData> {
	const item: INodeExecutionData = { json: toJson(event) };
	const media = mediaOf(event);
	if (!media) return item;
	try {
		const file = await downloadMedia.call(ctx, media.id);
		item.binary = {
			[property]: await ctx.helpers.prepareBinaryData(
				file.data,
				media.filename ?? file.fileName,
				file.mimeType,
			),
		};
	} catch (error) {
		// The event still goes through; the item says why its file is missing.
		item.json = { ...item.json, mediaError: (error as Error).message };
	}
	return item;
}

/**
 * One delivery: the secret header checked in constant time (401, no execution), the body read in the
 * Cloud or the legacy format (400 when malformed), filtered, deduplicated, and one item per event.
 */
export async function receiveDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = ctx.getWorkflowStaticData('node') as RegistrationState;
	const response = ctx.getResponseObject();
	if (!deliverySecretMatches(state, (ctx.getHeaderData() as IDataObject)[DELIVERY_HEADER])) {
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
	const recent = recentEventsOf(ctx);
	const firstSeen = events.filter((event) => {
		const identity = eventIdentity(event);
		return identity === undefined || recent.firstTime(identity);
	});
	// Answers to Send and Wait for Response go to their executions whatever the events chosen. When
	// n8n cannot be reached for them, 360dialog gets an error and delivers them again; the answers
	// handed over before stay known, so that the redelivery does not hand them on a second time.
	const handedOver: WebhookEvent[] = [];
	const left = await answerWaits(ctx, firstSeen, handedOver).catch((error: Error) => {
		for (const event of firstSeen) if (!handedOver.includes(event)) forgetEvent(recent, event);
		throw error;
	});
	const fresh = left.filter((event) => matchesFilter(event, filter));
	if (fresh.length === 0) return { webhookResponse: { received: events.length, emitted: 0 } };

	const options = ctx.getNodeParameter('options', {}) as {
		acknowledge?: 'stored' | 'atOnce';
		downloadMedia?: boolean;
		binaryPropertyName?: string;
		mergeSeconds?: number;
	};
	const mergeMs = Math.min(Number(options.mergeSeconds) || 0, MERGE_RULES.maxSeconds) * 1000;
	const withFiles = Boolean(options.downloadMedia) && fresh.some((event) => mediaOf(event));
	// 360dialog wants the answer at once: files are fetched after it, bursts are merged after it, and
	// on request n8n stores the execution after it too. Otherwise n8n answers once it is stored.
	if (!withFiles && mergeMs === 0 && options.acknowledge !== 'atOnce') {
		// n8n answers with an error when it cannot store the execution; 360dialog then delivers the
		// events again, and that delivery must not be taken for a repeat.
		response.once('finish', () => {
			if (response.statusCode >= 300) for (const event of fresh) forgetEvent(recent, event);
		});
		return { workflowData: [ctx.helpers.returnJsonArray(fresh.map(toJson))] };
	}
	response.status(200).json({ received: events.length, emitted: fresh.length });
	let emitted = fresh;
	if (mergeMs > 0) {
		const mergeable = fresh.filter((event) => event.kind === 'message');
		// Messages join their contact's open burst; the delivery that opened one waits for it to end.
		const owned = joinBursts(scopeOf(ctx), mergeable);
		const others = fresh.filter((event) => event.kind !== 'message');
		if (owned.length === 0 && others.length === 0) return { noWebhookResponse: true };
		emitted = [...others, ...(await closeBursts(owned, mergeMs))];
	}
	const property = options.binaryPropertyName || 'data';
	const items = withFiles
		? await Promise.all(emitted.map(async (event) => await withMedia(ctx, event, property)))
		: ctx.helpers.returnJsonArray(emitted.map(toJson));
	return { noWebhookResponse: true, workflowData: [items] };
}
