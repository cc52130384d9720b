/**
 * The hand-placed core of the sample: listings the product story and the tests rely on (the 27
 * ほおっちょけん desks, one 高齢者支援センター per region, 社協 and 民生委員 in every district, the
 * サロン and 百歳体操 an older resident of 旭 looks for …). Random listings come after these.
 */
import { buildRRule } from '../../src/lib/domain/recurrence';
import { SOCIAL_WELFARE_CORPORATION, serviceKind, type FixedSession, type NamePattern, type Operator, type ServiceKind } from './catalog';
import { DISTRICTS, MODEL_DISTRICT_SLUGS, REGIONS, districtBySlug, type District } from './kochi';
import { SPACE, asKana, w, yomi, type Reading } from './reading';

export interface ListingPlan {
	kind: ServiceKind;
	district: District;
	/** Overrides the kind's name patterns. */
	name?: NamePattern;
	/** Fixes the brand (so 「デイサービスひだまり」 is run by 社会福祉法人ひだまり会). */
	brand?: Reading;
	operator?: Operator;
	/** Replaces the kind's random session. */
	session?: FixedSession;
	/** Certified as a ほおっちょけん相談窓口. */
	desk?: boolean;
}

/** 23 pharmacies across the five model districts; the first of some carries a name from the notes. */
const DESK_PHARMACIES: ReadonlyArray<readonly [district: string, count: number, first?: Partial<ListingPlan>]> = [
	['asahi', 6, { name: (c) => [asKana(c.district), w('調剤薬局')] }], // あさひ調剤薬局
	['ichinomiya', 5, { brand: w('ひまわり'), name: (c) => [c.brand, w('薬局'), SPACE, c.district, w('店')] }], // ひまわり薬局 一宮店
	['enokuchi-nishi', 4],
	['haruno', 4],
	['sanri', 4]
];
/** 4 services of 社会福祉法人 in model districts. */
const DESK_WELFARE_SERVICES: ReadonlyArray<readonly [district: string, kind: string, extra?: Partial<ListingPlan>]> = [
	['asahi', 'day-service', { brand: w('ひだまり'), name: (c) => [w('デイサービス'), c.brand] }], // デイサービスひだまり
	['ichinomiya', 'nursing-home'],
	['haruno', 'nursing-home'],
	['sanri', 'day-service']
];

/** 毎月第2・第4火曜 10:00〜11:30 — the session the resident in 旭 is after. */
export const SECOND_AND_FOURTH_TUESDAY: FixedSession = {
	choice: { pattern: 'monthly-nth', weekdays: [2], nths: [2, 4] },
	opensAt: '10:00',
	closesAt: '11:30'
};
export const SECOND_AND_FOURTH_TUESDAY_RRULE = buildRRule(SECOND_AND_FOURTH_TUESDAY.choice);

const fixed =
	(...parts: Reading[]): NamePattern =>
	() =>
		parts;

function plans(kindKey: string, districtSlug: string, count: number, extra: Partial<ListingPlan> = {}): ListingPlan[] {
	const kind = serviceKind(kindKey);
	const district = districtBySlug(districtSlug);
	return Array.from({ length: count }, () => ({ kind, district, ...extra }));
}

export function coreListings(): ListingPlan[] {
	const deskPharmacies = DESK_PHARMACIES.flatMap(([district, count, first]) => [
		...plans('pharmacy', district, 1, { desk: true, ...first }),
		...plans('pharmacy', district, count - 1, { desk: true })
	]);
	const deskWelfare = DESK_WELFARE_SERVICES.flatMap(([district, kind, extra]) =>
		plans(kind, district, 1, { desk: true, operator: SOCIAL_WELFARE_CORPORATION, ...extra })
	);
	const careCenters = REGIONS.flatMap((region) =>
		plans('care-center', region.hub, 1, { name: fixed(w('高知市'), region.name, w('高齢者支援センター')) })
	);

	return [
		...deskPharmacies,
		...deskWelfare,
		...careCenters,
		...plans('city-council', 'kochimachi', 1),
		...plans('family-support', 'kochimachi', 1),
		...plans('self-reliance', 'kochimachi', 1),
		...plans('silver-center', 'shimoji', 1),
		...DISTRICTS.flatMap((district) => [...plans('district-council', district.slug, 1), ...plans('minsei-iin', district.slug, 1)]),
		// What the 80-year-old in 旭 walks to: サロン (one on 毎月第2・第4火曜) and いきいき百歳体操.
		...plans('salon', 'asahi', 1, { name: fixed(w('ふれあいサロン'), SPACE, yomi('旭', 'あさひ')), session: SECOND_AND_FOURTH_TUESDAY }),
		...plans('salon', 'asahi', 4),
		...plans('hyakusai-taiso', 'asahi', 1, { name: fixed(yomi('旭', 'あさひ'), w('いきいき百歳体操の会')) }),
		...plans('hyakusai-taiso', 'asahi', 2),
		...plans('salon', 'sanri', 1, { name: fixed(w('ふれあいサロン'), SPACE, yomi('三里', 'さんり')) }),
		...plans('kodomo-shokudo', 'enokuchi-nishi', 1, { name: fixed(w('こうち子ども食堂'), SPACE, yomi('江ノ口', 'えのくち')) }),
		...['asahi', 'ichinomiya', 'haruno', 'sanri'].flatMap((district) => plans('kodomo-shokudo', district, 1)),
		...MODEL_DISTRICT_SLUGS.flatMap((district) =>
			plans('visit-support-b', district, 1, { name: (c) => [c.district, w('支え合いの会')] })
		),
		...plans('childcare-hub', 'enokuchi-nishi', 1, { brand: w('たんぽぽ'), name: (c) => [w('地域子育て支援センター'), SPACE, c.brand] }),
		...plans('clinic', 'haruno', 1, { name: (c) => [asKana(c.district), w('クリニック')] })
	];
}
