/** Interactive messages: reply buttons, a list, and a call-to-action URL button, around one text frame. */
import { RuleChecks } from '../checks';
import { MESSAGE_COUNT_RULES, MESSAGE_RULES } from '../rules/messages';
import { isWebUrl, type ContentPayload, type InteractiveText, type ListRow } from './types';

function interactiveFrame(content: InteractiveText, checks: RuleChecks): Record<string, unknown> {
	checks.length('Body', content.body, MESSAGE_RULES.interactiveBody);
	checks.optionalLength('Header Text', content.header, MESSAGE_RULES.interactiveHeader);
	checks.optionalLength('Footer', content.footer, MESSAGE_RULES.interactiveFooter);
	return {
		...(content.header ? { header: { type: 'text', text: content.header } } : {}),
		body: { text: content.body },
		...(content.footer ? { footer: { text: content.footer } } : {}),
	};
}

function interactive(
	type: string,
	frame: Record<string, unknown>,
	action: Record<string, unknown>,
): ContentPayload {
	return { body: { type: 'interactive', interactive: { type, ...frame, action } } };
}

/** The values that occur more than once. */
function repeatedValues(values: string[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const value of values) (seen.has(value) ? repeated : seen).add(value);
	return [...repeated];
}

export function replyButtonsMessage(
	content: InteractiveText & { buttons: Array<{ id: string; title: string }> },
	checks: RuleChecks,
): ContentPayload {
	const frame = interactiveFrame(content, checks);
	checks.count('Buttons', content.buttons.length, MESSAGE_COUNT_RULES.replyButtons);
	content.buttons.forEach((button, index) => {
		checks.length(`Button ${index + 1} Title`, button.title, MESSAGE_RULES.replyButtonTitle);
		checks.length(`Button ${index + 1} ID`, button.id, MESSAGE_RULES.replyButtonId);
	});
	for (const title of repeatedValues(content.buttons.map((button) => button.title))) {
		checks.add('Buttons', `Button titles must be unique ("${title}" is used twice)`);
	}
	for (const id of repeatedValues(content.buttons.map((button) => button.id))) {
		checks.add('Buttons', `Button IDs must be unique ("${id}" is used twice)`);
	}
	return interactive('button', frame, {
		buttons: content.buttons.map((button) => ({
			type: 'reply',
			reply: { id: button.id, title: button.title },
		})),
	});
}

export function listMessage(
	content: InteractiveText & { button: string; rows: ListRow[] },
	checks: RuleChecks,
): ContentPayload {
	const frame = interactiveFrame(content, checks);
	checks.length('List Button Text', content.button, MESSAGE_RULES.listButton);
	checks.count('Rows', content.rows.length, MESSAGE_COUNT_RULES.listRows);
	const sections: Array<{ title?: string; rows: Array<Record<string, string>> }> = [];
	content.rows.forEach((row, index) => {
		checks.length(`Row ${index + 1} Title`, row.title, MESSAGE_RULES.listRowTitle);
		checks.length(`Row ${index + 1} ID`, row.id, MESSAGE_RULES.listRowId);
		checks.optionalLength(
			`Row ${index + 1} Description`,
			row.description,
			MESSAGE_RULES.listRowDescription,
		);
		const title = row.section?.trim() || undefined;
		let section = sections.find((candidate) => candidate.title === title);
		if (!section) {
			section = { title, rows: [] };
			sections.push(section);
		}
		section.rows.push({
			id: row.id,
			title: row.title,
			...(row.description ? { description: row.description } : {}),
		});
	});
	if (content.rows.length)
		checks.count('Sections', sections.length, MESSAGE_COUNT_RULES.listSections);
	sections.forEach((section) => {
		if (section.title)
			checks.length(
				`Section "${section.title}" Title`,
				section.title,
				MESSAGE_RULES.listSectionTitle,
			);
	});
	if (sections.length > 1 && sections.some((section) => !section.title)) {
		checks.add(
			'Section',
			'Every row needs a Section Title when the list has more than one section',
		);
	}
	for (const id of repeatedValues(content.rows.map((row) => row.id)))
		checks.add('Rows', `Row IDs must be unique ("${id}" is used twice)`);
	return interactive('list', frame, {
		button: content.button,
		sections: sections.map((section) => (section.title ? section : { rows: section.rows })),
	});
}

export function ctaUrlMessage(
	content: InteractiveText & { displayText: string; url: string },
	checks: RuleChecks,
): ContentPayload {
	const frame = interactiveFrame(content, checks);
	checks.length('Button Text', content.displayText, MESSAGE_RULES.ctaDisplayText);
	checks.length('Button URL', content.url, MESSAGE_RULES.url);
	if (content.url && !isWebUrl(content.url))
		checks.add('Button URL', `Button URL must be an http(s) URL (got "${content.url}")`);
	return interactive('cta_url', frame, {
		name: 'cta_url',
		parameters: { display_text: content.displayText, url: content.url },
	});
}

/**
 * A request for the contact's phone number (for contacts known only by their user ID): body text
 * only, WhatsApp owns the button. Meta "Business-scoped user IDs", 360dialog "Usernames & BSUID".
 */
export function requestContactInfoMessage(body: string, checks: RuleChecks): ContentPayload {
	checks.length('Body', body, MESSAGE_RULES.interactiveBody);
	return interactive(
		'request_contact_info',
		{ body: { text: body } },
		{ name: 'request_contact_info' },
	);
}
