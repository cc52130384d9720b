import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { districts } from '$lib/server/areas';
import { messagesFor } from '$lib/domain/i18n';
import { FIELDS, TAXONOMY_TERMS, type Field } from '$lib/domain/taxonomy';

/**
 * One field (分野) as a starting point: its kinds with how many listings each has, and its 地区,
 * so a reader chooses サロン or 子ども食堂 first instead of paging through every listing of the field.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const field = params.field as Field;
	if (!FIELDS.includes(field)) error(404, messagesFor(locals.language).notFound.field);
	const app = getApp();
	const { result } = await app.search.search({ field, sort: 'name', page: 1, perPage: 1 });
	const kinds = await Promise.all(
		TAXONOMY_TERMS.filter((term) => term.field === field).map(async (term) => {
			const counted = await app.search.search({ field, term: term.code, sort: 'name', page: 1, perPage: 1 });
			return { code: term.code, name: term.name, count: counted.result.total };
		})
	);
	return {
		field,
		total: result.total,
		kinds: kinds.filter((kind) => kind.count > 0),
		areas: districts(app)
			.map((area) => ({ ...area, count: result.facets.area[area.name] ?? 0 }))
			.filter((area) => area.count > 0)
	};
};
