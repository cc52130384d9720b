/**
 * 郵便番号 → address help for the listing editor, offline. A small table of the city's codes (its profile),
 * extended by what the database already knows (the address lines and 地区 of locations that carry
 * the same code — the imported or sample listings). Production can swap in 日本郵便's KEN_ALL
 * behind the same function.
 */
import type { AppDatabase } from '../db';
import { normalizePostalCode } from '../../domain/text/normalize';
import { loadCityProfile, type CityProfile } from '../city-profile';

export interface PostalAddress {
	postalCode: string;
	prefecture: string;
	city: string;
	/** 町名 without 番地 ("旭町"), or '' when only the city is known. */
	town: string;
	/** Area ids (地区 and others) that locations with this code are linked to, most common first. */
	areaIds: string[];
}


/** "旭町2丁目12-3" → "旭町": the 町名 is what comes before the first digit. */
export function townOf(addressLine: string): string {
	const normalized = addressLine.normalize('NFKC');
	const match = /^[^0-9０-９]+/.exec(normalized);
	return (match?.[0] ?? '').replace(/[一二三四五六七八九十]+丁目$/, '').trim();
}

export function lookupPostalCode(db: AppDatabase, input: string, profile: CityProfile = loadCityProfile()): PostalAddress | null {
	const postalCode = normalizePostalCode(input);
	if (!postalCode) return null;
	const rows = db.$client
		.prepare(
			`SELECT address_line AS addressLine, prefecture, city FROM locations
			WHERE postal_code IN (?, ?) AND address_line IS NOT NULL LIMIT 200`
		)
		.all(postalCode, postalCode.replace('-', '')) as Array<{ addressLine: string; prefecture: string; city: string }>;
	const townCounts = new Map<string, number>();
	for (const row of rows) {
		const town = townOf(row.addressLine);
		if (town) townCounts.set(town, (townCounts.get(town) ?? 0) + 1);
	}
	const dbTown = [...townCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
	const town = profile.postalCodes.towns[postalCode] ?? dbTown ?? '';
	// A code with the city's prefix is the city (or a neighbour): say only the city when the town is unknown.
	if (!town && rows.length === 0 && !profile.postalCodes.prefixes.includes(postalCode.slice(0, 3))) return null;
	const areaIds = (
		db.$client
			.prepare(
				`SELECT la.area_id AS id, count(*) AS n FROM locations l JOIN location_areas la ON la.location_id = l.id
				WHERE l.postal_code IN (?, ?) GROUP BY la.area_id ORDER BY n DESC LIMIT 10`
			)
			.all(postalCode, postalCode.replace('-', '')) as Array<{ id: string }>
	).map((row) => row.id);
	return { postalCode, prefecture: rows[0]?.prefecture ?? profile.prefecture, city: rows[0]?.city ?? profile.city, town, areaIds };
}
