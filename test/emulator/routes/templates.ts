/** The emulator's routes. Templates: the paginated, filtered list, submission and deletion by name. */
import { metaError, type Route, type RouteAnswer, type Template } from '../core';
import type { Emulator } from '../server';
import { checkTemplateFlowButtons } from './flows';

/** /v1/configs/templates: list (GET), submit (POST); DELETE /v1/configs/templates/{name}. */
export const templatesRoute: Route = (emulator, { method, path, url, json }) => {
	if (path === '/v1/configs/templates') {
		if (method === 'GET') {
			const limit = Math.max(
				1,
				Math.min(Number(url.searchParams.get('limit') ?? 1000) || 1000, emulator.maxPageSize),
			);
			const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
			let list = emulator.templates;
			const filters = url.searchParams.get('filters');
			if (filters) {
				let parsed: Record<string, string> = {};
				try {
					parsed = JSON.parse(filters);
				} catch {
					return {
						status: 400,
						body: {
							meta: { success: false, http_code: 400, developer_message: 'filters must be JSON' },
						},
					};
				}
				list = list.filter((template) =>
					Object.entries(parsed).every(([field, value]) => {
						const key = field.replace(/^business_templates\./, '') as keyof Template;
						return String(template[key] ?? '').toLowerCase() === String(value).toLowerCase();
					}),
				);
			}
			const page = list.slice(offset, offset + limit);
			return {
				status: 200,
				body: {
					count: page.length,
					total: list.length,
					limit,
					offset,
					filters: filters ? JSON.parse(filters) : {},
					sort: ['business_templates.name'],
					waba_templates: page,
				},
			};
		}
		if (method === 'POST') {
			const refused = refuseNewTemplate(emulator, json);
			if (refused) return refused;
			const flowRefused = checkTemplateFlowButtons(emulator, json.components);
			if (flowRefused) return flowRefused;
			const template: Template = {
				id: emulator.nextId('T'),
				name: json.name,
				language: json.language,
				category: json.category,
				status: 'submitted',
				rejected_reason: 'NONE',
				components: Array.isArray(json.components) ? json.components : [],
				parameter_format: json.parameter_format,
			};
			emulator.templates.push(template);
			return {
				status: 201,
				body: {
					id: template.id,
					name: template.name,
					language: template.language,
					category: template.category,
					status: template.status,
				},
			};
		}
	}
	const templateByName = /^\/v1\/configs\/templates\/([^/]+)$/.exec(path);
	if (templateByName && method === 'DELETE') {
		const name = decodeURIComponent(templateByName[1]);
		const before = emulator.templates.length;
		emulator.templates = emulator.templates.filter((template) => template.name !== name);
		if (before === emulator.templates.length)
			return metaError(404, 100, 'Invalid parameter', `template ${name} not found`);
		return { status: 200, body: { meta: { success: true } } };
	}
	return undefined;
};

/** What 360dialog refuses of any new template: a bad name or category, a name taken in that language. */
export function refuseNewTemplate(
	emulator: Emulator,
	json: Record<string, any>,
): RouteAnswer | undefined {
	if (typeof json.name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(json.name))
		return metaError(400, 100, 'Invalid parameter', 'name must be lowercase letters, digits and _');
	if (!['MARKETING', 'UTILITY', 'AUTHENTICATION'].includes(json.category))
		return metaError(400, 100, 'Invalid parameter', 'category');
	if (
		emulator.templates.some(
			(template) => template.name === json.name && template.language === json.language,
		)
	) {
		return metaError(400, 100, 'Invalid parameter', 'Content in this language already exists');
	}
	return undefined;
}
