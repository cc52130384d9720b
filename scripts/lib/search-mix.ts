/** The benchmark's mixed query set: what residents and supporters type, with the filters the pages send. */
export const SEARCH_MIX: Array<Record<string, string>> = [
	{ q: '薬局' },
	{ q: 'やっきょく' },
	{ q: 'こども食堂' },
	{ q: 'ｻﾛﾝ' },
	{ q: 'デイ' },
	{ q: '包括' },
	{ q: '百歳体操', area: '旭' },
	{ q: '旭の薬局' },
	{ q: '電球が切れて困っている' },
	{ q: '近くの集いの場', lat: '33.5597', lng: '133.5311' },
	{ q: '公民間' },
	{ q: 'ひゃくさいたいそう', page: '2' },
	{ field: '介護', area: '一宮' },
	{ q: '薬局', area: '春野' },
	{ q: 'サロン', area: '旭', open_now: 'true' },
	{ lat: '33.5663', lng: '133.5236', radius_km: '2', sort: 'distance' },
	{ q: 'デイサービス', lat: '33.5663', lng: '133.5236', radius_km: '3' },
	{ open_now: 'true', field: '医療' },
	{ q: 'サロン', open_now: 'true' },
	{ q: '認知症', area: '潮江', field: '介護' }
];

/** Tuesday 10:30 in 高知, for open-now (the API has no clock parameter; in-process runs use it). */
export const BENCH_NOW = new Date('2026-11-03T01:30:00Z');
