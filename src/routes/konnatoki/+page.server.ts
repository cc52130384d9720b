import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { districts } from '$lib/server/areas';
import { GuidedParams, areaPlace, findWorry, guidedAnswer, guidedWorries, type GuidedPlace } from '$lib/server/guided';
import { messagesFor } from '$lib/domain/i18n';

/**
 * こんなときに: choose a worry, then a 地区 or the current location. A plain GET form, so each
 * step is a link and works without JavaScript; the answer is rendered on the server.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const app = getApp();
	const m = messagesFor(locals.language).konnatoki;
	const worries = guidedWorries(app.taxonomy);
	const base = { worries, areas: districts(app) };
	const parsed = GuidedParams.safeParse(Object.fromEntries([...url.searchParams].filter(([, value]) => value.trim() !== '')));
	if (!parsed.success) {
		return { ...base, selected: null, areaValue: '', answer: null, problem: m.badPlace };
	}
	const { worry: worryKey, area, lat, lng } = parsed.data;
	const worry = findWorry(worries, worryKey);
	let place: GuidedPlace | null = null;
	let problem: string | null = null;
	if (worryKey && !worry) problem = m.unknownWorry(worryKey);
	if (lat !== undefined && lng !== undefined) place = { lat, lng, label: m.here, areaName: null };
	else if (area) {
		place = areaPlace(app, area, locals.language);
		if (!place) problem = m.unknownArea(area);
	}
	return {
		...base,
		selected: worry?.key ?? null,
		areaValue: place?.areaName ?? '',
		answer: worry && place ? await guidedAnswer(app, worry, place, locals.language) : null,
		problem
	};
};
