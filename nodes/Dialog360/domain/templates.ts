/**
 * Templates as the 360dialog list endpoint returns them, read into one shape: status in upper case
 * (360dialog answers "approved", Meta "APPROVED"), the selector key "name|language", the list filters.
 */
import type { TemplateDefinition } from './templateParameters';
import { textOf } from './values';

/**
 * 360dialog's page size for /v1/configs/templates; its own client defaults to 1000 (seen in API
 * clients, not on a 360dialog page).
 */
export const TEMPLATE_PAGE_SIZE = 1000;

/** The value a template picker stores: the name and the language together identify a template. */
export function templateKey(name: string, language: string): string {
	return `${name}|${language}`;
}

export function parseTemplateKey(value: unknown): { name: string; language: string } | undefined {
	const match = /^\s*([^|\s]+)\s*\|\s*([^|\s]+)\s*$/.exec(textOf(value));
	return match ? { name: match[1], language: match[2] } : undefined;
}

export function normalizeStatus(status: unknown): string {
	return textOf(status).trim().toUpperCase();
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
	const list = Array.isArray(envelope.waba_templates)
		? envelope.waba_templates
		: Array.isArray(envelope.data)
			? envelope.data
			: undefined;
	if (!list) throw new Error('The template list answer has neither "waba_templates" nor "data"');
	return {
		templates: list as TemplateDefinition[],
		total: typeof envelope.total === 'number' ? envelope.total : undefined,
	};
}

/**
 * The `filters` query value 360dialog takes (keys from its Partner API docs,
 * https://docs.360dialog.com/partner/partner-api/api-reference/templates-management). Only the exact
 * name is filtered by the API; status, category and language are matched here, because the case the
 * API stores them in is not reliable.
 */
export function templateFilters(filters: { name?: string }): string | undefined {
	return filters.name ? JSON.stringify({ 'business_templates.name': filters.name }) : undefined;
}

export interface TemplateSummary {
	id: string | null;
	name: string;
	language: string;
	category: string | null;
	status: string;
	rejectionReason: string | null;
	components: unknown[];
	quality?: string;
}

/** One template as an output item: the fields people filter and act on, status in upper case. */
export function simplifyTemplate(
	template: TemplateDefinition & Record<string, unknown>,
): TemplateSummary {
	const reason = template.rejected_reason ?? template.rejection_reason;
	const quality = template.quality_score as { score?: string } | string | undefined;
	const qualityText = typeof quality === 'string' ? quality : quality?.score;
	return {
		id: typeof template.id === 'string' ? template.id : null,
		name: template.name,
		language: template.language,
		category: template.category ? template.category.toUpperCase() : null,
		status: normalizeStatus(template.status),
		rejectionReason: typeof reason === 'string' && reason.toUpperCase() !== 'NONE' ? reason : null,
		components: template.components ?? [],
		...(qualityText ? { quality: qualityText.toUpperCase() } : {}),
	};
}

/** Client-side filters: the API's filters are exact, and its status case is not reliable. */
export function matchesTemplateFilters(
	template: TemplateSummary,
	filters: { nameContains?: string; status?: string; category?: string; language?: string },
): boolean {
	if (
		filters.nameContains &&
		!template.name.toLowerCase().includes(filters.nameContains.toLowerCase())
	)
		return false;
	if (filters.status && template.status !== normalizeStatus(filters.status)) return false;
	if (filters.category && template.category !== filters.category.toUpperCase()) return false;
	if (filters.language && template.language !== filters.language) return false;
	return true;
}

export type TemplateChange = 'new' | 'status_changed' | 'updated' | 'removed' | 'unchanged';

/** What Sync remembers of a template between runs: small, so thousands fit in static data. */
export interface TemplateSnapshot {
	status: string;
	fingerprint: string;
}

/** FNV-1a over the JSON of the content, enough to notice an edit. */
export function contentFingerprint(template: TemplateSummary): string {
	const text = JSON.stringify({ category: template.category, components: template.components });
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

export interface SyncedTemplate extends TemplateSummary {
	change: TemplateChange;
	previousStatus: string | null;
	syncedAt: string;
}

/**
 * Compares the templates now with the snapshot of the previous sync. A template whose status changed
 * is "status_changed" even if its content changed too; one gone since is "removed".
 */
export function diffTemplates(
	previous: Record<string, TemplateSnapshot> | undefined,
	current: TemplateSummary[],
	syncedAt: string,
): { templates: SyncedTemplate[]; snapshot: Record<string, TemplateSnapshot> } {
	const before = previous ?? {};
	const snapshot: Record<string, TemplateSnapshot> = {};
	const templates: SyncedTemplate[] = current.map((template) => {
		const key = templateKey(template.name, template.language);
		const fingerprint = contentFingerprint(template);
		snapshot[key] = { status: template.status, fingerprint };
		const old = before[key];
		let change: TemplateChange = 'unchanged';
		if (!old) change = 'new';
		else if (old.status !== template.status) change = 'status_changed';
		else if (old.fingerprint !== fingerprint) change = 'updated';
		return { ...template, change, previousStatus: old?.status ?? null, syncedAt };
	});
	for (const [key, old] of Object.entries(before)) {
		if (snapshot[key]) continue;
		const { name, language } = parseTemplateKey(key) ?? { name: key, language: '' };
		templates.push({
			id: null,
			name,
			language,
			category: null,
			status: 'REMOVED',
			rejectionReason: null,
			components: [],
			change: 'removed',
			previousStatus: old.status,
			syncedAt,
		});
	}
	return { templates, snapshot };
}
