import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { searchAreas } from '$lib/server/areas';
import { findWorry } from '$lib/server/guided';

interface Shortcut {
	label: string;
	note: string;
	/** One link makes the whole card a link; more are offered side by side. */
	links: Array<{ label: string; href: string }>;
}

/** A こんなときに worry (by its key in worries.json): the guided search asks where, then lists nearest first. */
function guided(label: string, worryKey: string): Array<{ label: string; href: string }> {
	const worry = findWorry(worryKey);
	return worry ? [{ label, href: `/konnatoki?worry=${encodeURIComponent(worry.key)}` }] : [];
}

/** こんなときに: everyday worries, each asking for an area or the current location. */
function shortcuts(): Shortcut[] {
	const cards: Shortcut[] = [
		{
			label: '近くのサロン・百歳体操',
			note: '歩いて行ける集いの場・体操の会',
			links: [...guided('サロン・通いの場', '集い'), ...guided('いきいき百歳体操', '運動')]
		},
		{ label: '子育ての相談', note: '子育て支援拠点・相談できる場所', links: guided('子育ての相談', '育児') },
		{ label: '親の介護', note: 'まずは高齢者支援センター（地域包括支援センター）へ', links: guided('親の介護', '親の介護') },
		{
			label: 'ゴミ出し・電球交換の手伝い',
			note: '住民どうしの支え合い（訪問型サービスB）',
			links: [...guided('ゴミ出し', 'ゴミ'), ...guided('電球の交換', '電球')]
		},
		{ label: 'なんでも相談窓口', note: 'どこに相談すればよいか分からないとき', links: [{ label: 'なんでも相談窓口', href: '/search?desk=true' }] },
		{ label: 'ほかの困りごと', note: '困りごとと場所を選んで、近くの相談先をさがす', links: [{ label: 'ほかの困りごと', href: '/konnatoki' }] }
	];
	return cards.filter((card) => card.links.length > 0);
}

export const load: PageServerLoad = () => ({ areas: searchAreas(getApp()), shortcuts: shortcuts() });
