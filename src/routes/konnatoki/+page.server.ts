import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { districts } from '$lib/server/areas';
import { GuidedParams, areaPlace, findWorry, guidedAnswer, guidedWorries, type GuidedPlace } from '$lib/server/guided';

/**
 * こんなときに: choose a worry, then a 地区 or the current location. A plain GET form, so each
 * step is a link and works without JavaScript; the answer is rendered on the server.
 */
export const load: PageServerLoad = async ({ url }) => {
	const app = getApp();
	const worries = guidedWorries(app.taxonomy);
	const base = { worries, areas: districts(app) };
	const parsed = GuidedParams.safeParse(Object.fromEntries([...url.searchParams].filter(([, value]) => value.trim() !== '')));
	if (!parsed.success) {
		return { ...base, selected: null, areaValue: '', answer: null, problem: '場所の指定が正しくありません。地区を選ぶか、現在地を使ってください。' };
	}
	const { worry: worryKey, area, lat, lng } = parsed.data;
	const worry = findWorry(worries, worryKey);
	let place: GuidedPlace | null = null;
	let problem: string | null = null;
	if (worryKey && !worry) problem = `「${worryKey}」は選べる困りごとにありません。一覧から選んでください。`;
	if (lat !== undefined && lng !== undefined) place = { lat, lng, label: '現在地', areaName: null };
	else if (area) {
		place = areaPlace(app, area);
		if (!place) problem = `地区「${area}」が見つかりません。一覧から選び直してください。`;
	}
	return {
		...base,
		selected: worry?.key ?? null,
		areaValue: place?.areaName ?? '',
		answer: worry && place ? await guidedAnswer(app, worry, place) : null,
		problem
	};
};
