/**
 * The emulator's routes. Marketing Messages Lite: POST /marketing_messages takes the body of /messages
 * for approved MARKETING templates from an onboarded number, plus `message_activity_sharing` and a TTL
 * (`message_send_ttl_seconds`, 43200 to 2592000). Refusals as 360dialog documents them, wrapped in
 * "detail" (https://docs.360dialog.com/docs/resources/marketing-messages/expected-errors-and-programming-languages).
 * Ambiguous failures (a dropped connection, a 5xx after processing) come from the emulator's faults.
 */
import { metaError, type RouteAnswer, type Route } from '../core';
import { messagesRoute } from './messages';

/** Whether the business behind the number accepted the MM Lite terms (onboarding is per business). */
export type MarketingOnboarding = 'onboarded' | 'termsNotAccepted';

const TTL_FIELD = 'message_send_ttl_seconds';
const TTL_RANGE = { min: 43_200, max: 2_592_000 };

/** 360dialog answers MM Lite's errors as {"detail": {"error": {...}}}. */
function refused(answer: RouteAnswer): RouteAnswer {
	return { ...answer, body: { detail: answer.body } };
}

export const marketingMessagesRoute: Route = (emulator, request) => {
	if (request.method !== 'POST' || request.path !== '/marketing_messages') return undefined;
	const { json } = request;
	if (emulator.marketingOnboarding === 'termsNotAccepted')
		return refused(
			metaError(403, 200, 'You must accept the Marketing Messages Lite API terms to use the API.'),
		);
	if (json.type !== 'template')
		return refused(metaError(400, 100, 'Invalid parameter', 'Message must be a template message.'));
	const template = json.template ?? {};
	const known = emulator.templates.find(
		(candidate) =>
			candidate.name === template.name && candidate.language === template.language?.code,
	);
	if (known && known.category.toUpperCase() !== 'MARKETING')
		return refused(
			metaError(
				400,
				131055,
				'Method not allowed',
				'Only marketing template messages are supported',
			),
		);
	const ttl = json[TTL_FIELD];
	if (ttl !== undefined && !(Number.isInteger(ttl) && ttl >= TTL_RANGE.min && ttl <= TTL_RANGE.max))
		return refused(
			metaError(
				400,
				100,
				'Invalid parameter',
				`${TTL_FIELD} must be an integer from ${TTL_RANGE.min} to ${TTL_RANGE.max} for marketing templates`,
			),
		);
	const sharing = json.message_activity_sharing;
	if (sharing !== undefined && typeof sharing !== 'boolean')
		return refused(
			metaError(400, 100, 'Invalid parameter', 'message_activity_sharing must be a boolean'),
		);

	// The rest is a Cloud API send: the same checks, rate limit and record.
	const cloudApiBody = { ...json };
	delete cloudApiBody[TTL_FIELD];
	delete cloudApiBody.message_activity_sharing;
	const sentBefore = emulator.sent.length;
	const answer = messagesRoute(emulator, { ...request, path: '/messages', json: cloudApiBody });
	const sent = emulator.sent[sentBefore];
	if (sent) {
		sent.payload = json;
		sent.via = 'marketing_messages';
	}
	return answer;
};
