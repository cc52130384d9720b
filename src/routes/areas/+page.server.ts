import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { areaShapes, areasByKindWithCounts } from '$lib/server/areas';
import { AREA_MAP_KINDS, areaMapKind } from '$lib/domain/area-map';

/** Every area with its count (the lists), and the shapes of the kind the map draws (?kind=, 地区 by default). */
export const load: PageServerLoad = async ({ url }) => {
	const app = getApp();
	const groups = await areasByKindWithCounts(app);
	const mapKind = areaMapKind(url.searchParams.get('kind'), groups.map((group) => group.kind));
	// Readings (よみがな) of the areas: English pages read the map's labels out in Latin letters.
	const readings = Object.fromEntries(
		(app.db.$client.prepare('SELECT id, name_kana AS kana FROM areas WHERE name_kana IS NOT NULL').all() as Array<{ id: string; kana: string }>).map(
			(row) => [row.id, row.kana]
		)
	);
	return { groups, mapKind, shapes: areaShapes(app, AREA_MAP_KINDS[mapKind]), readings };
};
