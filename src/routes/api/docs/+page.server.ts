import type { PageServerLoad } from './$types';
import { openApiDocument } from '$lib/server/openapi';

interface Parameter {
	name: string;
	in: string;
	required?: boolean;
	description?: string;
	schema?: { type?: string };
}
interface Operation {
	summary?: string;
	parameters?: Parameter[];
	responses?: Record<string, { description?: string }>;
}

/** The OpenAPI document (/api/openapi.json) laid out for people: one section per endpoint. */
export const load: PageServerLoad = ({ url }) => {
	const document = openApiDocument(url.origin) as { info: { title: string; description: string; version: string }; paths: Record<string, Record<string, Operation>> };
	const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
		Object.entries(methods).map(([method, operation]) => ({
			id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, ''),
			method: method.toUpperCase(),
			path,
			summary: operation.summary ?? '',
			parameters: (operation.parameters ?? []).map((parameter) => ({
				name: parameter.name,
				in: parameter.in === 'path' ? 'パス' : 'クエリ',
				required: parameter.required ?? false,
				type: parameter.schema?.type ?? 'string',
				description: parameter.description ?? ''
			})),
			responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({ status, description: response.description ?? '' }))
		}))
	);
	return { info: document.info, origin: url.origin, operations };
};
