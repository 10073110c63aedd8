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

/**
 * What happened to a template since the previous sync or poll, one word per template: the status
 * first, then the category (Meta recategorises templates), the quality rating, then an edit of the
 * content. The other fields (previousStatus, previousCategory, previousQuality) show every change.
 */
export type TemplateChange =
	| 'new'
	| 'status_changed'
	| 'category_changed'
	| 'quality_changed'
	| 'updated'
	| 'removed'
	| 'unchanged';

/** Every kind of change, in the order diffTemplates ranks them (unchanged is no change). */
export const TEMPLATE_CHANGES: readonly Exclude<TemplateChange, 'unchanged'>[] = [
	'new',
	'status_changed',
	'category_changed',
	'quality_changed',
	'updated',
	'removed',
];

/**
 * What Sync and the Template Changes trigger remember of a template between runs: small, so
 * thousands fit in static data. Category and quality are absent in snapshots from version 0.1.0
 * (their category changes then show as "updated": the fingerprint covers the category).
 */
export interface TemplateSnapshot {
	status: string;
	fingerprint: string;
	category?: string | null;
	quality?: string | null;
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
	previousCategory: string | null;
	previousQuality: string | null;
	syncedAt: string;
}

/** The one change word for a template that was in the previous snapshot. */
function changeOf(old: TemplateSnapshot, now: TemplateSnapshot): TemplateChange {
	if (old.status !== now.status) return 'status_changed';
	if (old.category !== undefined && old.category !== now.category) return 'category_changed';
	if (old.quality !== undefined && old.quality !== now.quality) return 'quality_changed';
	if (old.fingerprint !== now.fingerprint) return 'updated';
	return 'unchanged';
}

/**
 * Compares the templates now with the snapshot of the previous sync. A template whose status changed
 * is "status_changed" even if its category, quality or content changed too; one gone since is
 * "removed".
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
		const now: TemplateSnapshot = {
			status: template.status,
			fingerprint: contentFingerprint(template),
			category: template.category,
			quality: template.quality ?? null,
		};
		snapshot[key] = now;
		const old = before[key];
		return {
			...template,
			change: old ? changeOf(old, now) : 'new',
			previousStatus: old?.status ?? null,
			previousCategory: old?.category ?? null,
			previousQuality: old?.quality ?? null,
			syncedAt,
		};
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
			previousCategory: old.category ?? null,
			previousQuality: old.quality ?? null,
			syncedAt,
		});
	}
	return { templates, snapshot };
}
