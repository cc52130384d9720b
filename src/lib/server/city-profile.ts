/**
 * The municipality profile: everything that differs from one city to the next (names, the desk
 * programme, model districts, map centre and bounds, contact, sample) is read from
 * cities/<id>/profile.json, chosen with CITY (default: kochi) or CITY_PROFILE (a path).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const LatLng = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const CityProfileSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	city: z.string().min(1),
	cityKana: z.string().min(1),
	/** The name in English pages ("Kochi City"). */
	cityEn: z.string().min(1),
	prefecture: z.string().min(1),
	deskProgramme: z.string().min(1),
	modelDistricts: z.array(z.string()).default([]),
	center: LatLng,
	bounds: z.object({ south: z.number(), north: z.number(), west: z.number(), east: z.number() }),
	contact: z.string().default(''),
	sampleNotice: z.string().default('サンプルデータ（架空）'),
	/** The same notice on English pages. */
	sampleNoticeEn: z.string().default('Sample data (fictional)'),
	/** The open-data licence of the published listings (CC BY 4.0 unless the city chooses another). */
	licence: z
		.object({ name: z.string().min(1), url: z.string().url() })
		.default({ name: 'クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）', url: 'https://creativecommons.org/licenses/by/4.0/deed.ja' }),
	/** Raster tile template and its attribution (default: 国土地理院 淡色地図, which covers all of Japan). */
	tileUrl: z.string().default('https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png'),
	tileAttribution: z
		.string()
		.default('<a href="https://maps.gsi.go.jp/development/ichiran.html" target="_blank" rel="noopener">地理院タイル（淡色地図）</a>'),
	/** Where the sample comes from: the built-in generator, or an areas GeoJSON and a listings CSV (paths relative to the profile). */
	sample: z.union([
		z.object({ generator: z.literal('kochi') }),
		z.object({ areas: z.string().optional(), listings: z.string().optional() })
	]),
	/** 郵便番号 help for the listing editor: the city's code prefixes ("780") and known 町名 by code. */
	postalCodes: z.object({ prefixes: z.array(z.string().regex(/^\d{3}$/)), towns: z.record(z.string(), z.string()) }).default({ prefixes: [], towns: {} })
});
export type CityProfile = z.infer<typeof CityProfileSchema> & { dir: string };

const cache = new Map<string, CityProfile>();

export function cityProfilePath(env: NodeJS.ProcessEnv = process.env): string {
	if (env.CITY_PROFILE) return path.resolve(env.CITY_PROFILE);
	return path.resolve('cities', env.CITY || 'kochi', 'profile.json');
}

export class CityProfileError extends Error {}

/** The profile of the configured city; throws CityProfileError with a readable message. */
export function loadCityProfile(file: string = cityProfilePath()): CityProfile {
	const cached = cache.get(file);
	if (cached) return cached;
	let raw: unknown;
	try {
		raw = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (cause) {
		throw new CityProfileError(`市町村プロファイルを読めません: ${file} (${(cause as Error).message})`);
	}
	const parsed = CityProfileSchema.safeParse(raw);
	if (!parsed.success) throw new CityProfileError(`市町村プロファイルの形式が正しくありません: ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
	const profile = { ...parsed.data, dir: path.dirname(file) };
	cache.set(file, profile);
	return profile;
}
