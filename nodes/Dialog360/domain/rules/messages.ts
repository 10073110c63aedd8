/** What one message may hold. */
import type { LengthRule } from './index';

/**
 * Message limits of the Cloud API (Meta's message reference; several SDKs agree). Our choices where
 * Meta gives none: a document's file name 240 (keeps it intact on phones), location name and address
 * 1,000, a URL 2,000.
 */
export const MESSAGE_RULES = {
	text: { min: 1, max: 4096 },
	caption: { max: 1024 },
	filename: { max: 240 },
	bizOpaqueCallbackData: { max: 512 },
	interactiveBody: { min: 1, max: 1024 },
	interactiveHeader: { max: 60 },
	interactiveFooter: { max: 60 },
	replyButtonTitle: { min: 1, max: 20 },
	replyButtonId: { min: 1, max: 256 },
	listButton: { min: 1, max: 20 },
	listSectionTitle: { max: 24 },
	listRowTitle: { min: 1, max: 24 },
	listRowDescription: { max: 72 },
	listRowId: { min: 1, max: 200 },
	ctaDisplayText: { min: 1, max: 20 },
	url: { min: 1, max: 2000 },
	locationName: { max: 1000 },
	locationAddress: { max: 1000 },
	contactFormattedName: { min: 1, max: 1000 },
	/**
	 * The button text (flow_cta): at most 30 characters, no emoji. Meta's current Cloud API reference,
	 * "Flow messages" (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-flow-messages/,
	 * samples on Graph v24.0): "CTA text length is advised to be 30 characters or less (no emoji)";
	 * its older copies and the Flows guide "Sending a Flow" still say 20.
	 * Token and screen ID lengths are our choices where Meta gives none (a token carries Send and
	 * Wait's resume data).
	 */
	flowCta: { min: 1, max: 30 },
	flowToken: { min: 1, max: 512 },
	flowScreen: { min: 1, max: 200 },
} satisfies Record<string, LengthRule>;

/** How many of a thing one message holds (Meta's interactive messages guide; 257 contacts is our reading). */
export const MESSAGE_COUNT_RULES = {
	replyButtons: { min: 1, max: 3 },
	listSections: { min: 1, max: 10 },
	listRows: { min: 1, max: 10 },
	contacts: { min: 1, max: 257 },
} as const;
