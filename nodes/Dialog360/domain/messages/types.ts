/** What a user fills in for a message, before it is checked and built into a Cloud API payload. */
import type { MediaKind } from '../rules/media';
import type { FlowMessageContent } from './flow';

export type MediaSource =
	| { link: string }
	| { id: string }
	/** A file in the workflow, uploaded through /media before the send. */
	| { upload: { mimeType: string; bytes: number; fileName?: string } };

export interface ContactCard {
	formattedName: string;
	firstName?: string;
	lastName?: string;
	company?: string;
	phones?: Array<{ phone: string; type?: string; waId?: string }>;
	emails?: Array<{ email: string; type?: string }>;
	urls?: Array<{ url: string; type?: string }>;
	birthday?: string;
}

export interface InteractiveText {
	body: string;
	header?: string;
	footer?: string;
}

export interface ListRow {
	section?: string;
	id: string;
	title: string;
	description?: string;
}

export type MessageContent =
	| {
			type: 'text';
			body: string;
			previewUrl?: boolean;
			/** The sender can split a longer text (Send's Split Text Longer Than): a too-long text says so. */
			splittable?: boolean;
	  }
	| { type: MediaKind; media: MediaSource; caption?: string; filename?: string }
	| { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
	| { type: 'contacts'; contacts: ContactCard[] }
	| ({ type: 'replyButtons'; buttons: Array<{ id: string; title: string }> } & InteractiveText)
	| ({ type: 'list'; button: string; rows: ListRow[] } & InteractiveText)
	| ({ type: 'ctaUrl'; displayText: string; url: string } & InteractiveText)
	/** A button that opens a WhatsApp Flow (a form) in the chat. */
	| ({ type: 'flow' } & FlowMessageContent)
	| { type: 'reaction'; messageId: string; emoji: string }
	/** Asks a contact who hides their number to share it; WhatsApp shows its own button. */
	| { type: 'requestContactInfo'; body: string };

export type MessageType = MessageContent['type'];

/** The file a media message still needs uploaded; the payload gets its id with `withMediaId`. */
export interface PendingUpload {
	kind: MediaKind;
	mimeType: string;
	fileName?: string;
}

/** The body of one message (without the envelope), and the upload it waits for, if any. */
export interface ContentPayload {
	body: Record<string, unknown>;
	pendingUpload?: PendingUpload;
}

export function isWebUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}
