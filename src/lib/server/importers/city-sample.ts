/**
 * A city set up from its own files (cities/<id>/profile.json → sample): its areas from a GeoJSON
 * FeatureCollection (one Feature per 地区 with name, よみがな, slug) and its listings from a CSV in
 * the curators' format, imported with the CSV importer. No code is specific to any city.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AppDatabase } from '../db';
import type { CityProfile } from '../city-profile';
import { AREA_KINDS } from '../../domain/taxonomy';
import { importDefaults, importHsds } from './hsds-import';
import { importDataFile } from './data-files';
import { stableUuid } from './stable-id';

const Ring = z.array(z.tuple([z.number(), z.number()]).rest(z.number())).min(4);
const Geometry = z.union([
	z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) })
]);
const AreaFeature = z.object({
	type: z.literal('Feature'),
	properties: z.object({
		kind: z.enum(AREA_KINDS).default('地区'),
		name: z.string().min(1),
		name_kana: z.string().optional(),
		slug: z.string().regex(/^[a-z0-9-]+$/),
		sort_order: z.number().int().optional(),
		center_lat: z.number().optional(),
		center_lng: z.number().optional()
	}),
	geometry: Geometry.nullable()
});
const AreaCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(AreaFeature).min(1) });

export class CitySampleError extends Error {}

/** The mean of a polygon's outer ring (good enough for a label or the map's first view). */
function ringCentre(geometry: z.infer<typeof Geometry>): { lat: number; lng: number } {
	const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
	const points = ring.slice(0, -1);
	return { lng: points.reduce((sum, p) => sum + p[0], 0) / points.length, lat: points.reduce((sum, p) => sum + p[1], 0) / points.length };
}

/** The areas of a GeoJSON file as the HSDS import's `x-areas` (ids stable per city, kind and slug). */
export function areasFromGeoJson(text: string, cityId: string, fileName = 'areas.geojson'): unknown[] {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (cause) {
		throw new CitySampleError(`${fileName} が JSON として読めません（${(cause as Error).message}）。`);
	}
	const parsed = AreaCollection.safeParse(raw);
	if (!parsed.success) {
		throw new CitySampleError(`${fileName} の形式が正しくありません: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
	}
	return parsed.data.features.map(({ properties, geometry }, index) => {
		const centre = geometry ? ringCentre(geometry) : null;
		return {
			id: stableUuid(`area:${cityId}:${properties.kind}:${properties.slug}`),
			kind: properties.kind,
			slug: properties.slug,
			name: properties.name,
			name_kana: properties.name_kana ?? null,
			polygon: geometry,
			center_lat: properties.center_lat ?? centre?.lat ?? null,
			center_lng: properties.center_lng ?? centre?.lng ?? null,
			sort_order: properties.sort_order ?? index + 1
		};
	});
}

export interface CitySampleResult {
	areas: number;
	listings: number;
	desks: number;
}

/** Loads the profile's sample files into an empty database; throws CitySampleError with a readable message. */
export async function setUpCitySample(db: AppDatabase, profile: CityProfile): Promise<CitySampleResult> {
	if (!('areas' in profile.sample || 'listings' in profile.sample)) throw new CitySampleError('この市町村プロファイルにはサンプルのファイルがありません。');
	const sample = profile.sample as { areas?: string; listings?: string };
	const read = (file: string) => {
		const full = path.resolve(profile.dir, file);
		try {
			return fs.readFileSync(full);
		} catch (cause) {
			throw new CitySampleError(`サンプルのファイルを読めません: ${full}（${(cause as Error).message}）`);
		}
	};
	let areas = 0;
	if (sample.areas) {
		const report = importHsds(db, { 'x-areas': areasFromGeoJson(read(sample.areas).toString('utf8'), profile.id, sample.areas) }, { defaults: importDefaults(profile) });
		if (report.rejected.length > 0) throw new CitySampleError(`地域を読み込めません: ${report.rejected.map((problem) => problem.reason).join('; ')}`);
		areas = report.taken.area;
	}
	let listings = 0;
	if (sample.listings) {
		const result = await importDataFile(db, { bytes: read(sample.listings), fileName: sample.listings, format: 'csv', profile, geocoder: null });
		if (!result.ok || !result.csv?.written) throw new CitySampleError(`サンプルの掲載情報を読み込めません:\n${result.lines.join('\n')}`);
		listings = result.csv.serviceIds.length;
		// The sample is fictional: marked so, like the generated 高知市 sample.
		db.$client.prepare(`UPDATE services SET is_sample = 1 WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(result.csv.serviceIds));
	}
	const desks = db.$client.prepare('SELECT count(*) FROM desk_certifications').pluck().get() as number;
	return { areas, listings, desks };
}
