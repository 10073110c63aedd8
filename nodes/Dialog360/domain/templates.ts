/**
 * Templates as the 360dialog list endpoint returns them, read into one shape: status in upper case
 * (360dialog answers "approved", Meta "APPROVED"), the selector key "name|language", the list filters.
 */
import type { TemplateDefinition } from './templateParameters';

/** 360dialog's page size for /v1/configs/templates; its own client defaults to 1000. [M] §6.4 */
export const TEMPLATE_PAGE_SIZE = 1000;

/** The value a template picker stores: the name and the language together identify a template. */
export function templateKey(name: string, language: string): string {
	return `${name}|${language}`;
}

export function parseTemplateKey(value: unknown): { name: string; language: string } | undefined {
	const match = /^\s*([^|\s]+)\s*\|\s*([^|\s]+)\s*$/.exec(String(value ?? ''));
	return match ? { name: match[1], language: match[2] } : undefined;
}

export function normalizeStatus(status: unknown): string {
	return String(status ?? '').trim().toUpperCase();
}

export function isApproved(template: { status?: unknown }): boolean {
	return normalizeStatus(template.status) === 'APPROVED';
}

export interface TemplatePage {
	templates: TemplateDefinition[];
	total?: number;
}

/** Reads a page in the 360dialog envelope (`waba_templates`) or Meta's (`data`). */
export function readTemplatePage(body: unknown): TemplatePage {
	const envelope = (body ?? {}) as { waba_templates?: unknown; data?: unknown; total?: unknown };
	const list = Array.isArray(envelope.waba_templates) ? envelope.waba_templates : Array.isArray(envelope.data) ? envelope.data : undefined;
	if (!list) throw new Error('The template list answer has neither "waba_templates" nor "data"');
	return { templates: list as TemplateDefinition[], total: typeof envelope.total === 'number' ? envelope.total : undefined };
}

/** The `filters` query value 360dialog takes (keys from its Partner API docs). [H] S25 */
export function templateFilters(filters: { name?: string; status?: string; category?: string; language?: string }): string | undefined {
	const query: Record<string, string> = {};
	if (filters.name) query['business_templates.name'] = filters.name;
	if (filters.status) query.status = filters.status.toLowerCase();
	if (filters.category) query.category = filters.category.toUpperCase();
	if (filters.language) query.language = filters.language;
	return Object.keys(query).length ? JSON.stringify(query) : undefined;
}
