import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	const { taxonomy } = getApp();
	const termNames = new Map(taxonomy.terms().map((term) => [term.code, term.name]));
	const place = (target: string) =>
		target.startsWith('term:') ? `分類：${termNames.get(target.slice('term:'.length)) ?? target.slice('term:'.length)}` : `タグ：${target.slice('tag:'.length)}`;
	return {
		concepts: taxonomy.concepts().map((concept) => ({
			id: concept.id,
			concept: concept.concept,
			field: concept.field,
			keys: concept.keys,
			places: concept.lookFor.map(place),
			generic: concept.generic
		}))
	};
};
