import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { searchAreas } from '$lib/server/areas';
import { findWorry, guidedWorries, type GuidedWorry } from '$lib/server/guided';
import { messagesFor, type Messages } from '$lib/domain/i18n';

interface Shortcut {
	label: string;
	note: string;
	/** One link makes the whole card a link; more are offered side by side. */
	links: Array<{ label: string; href: string }>;
}

/** A こんなときに worry (by its key in worries.json): the guided search asks where, then lists nearest first. */
function guided(label: string, worryKey: string, worries: readonly GuidedWorry[] = guidedWorries(getApp().taxonomy)): Array<{ label: string; href: string }> {
	const worry = findWorry(worries, worryKey);
	return worry ? [{ label, href: `/konnatoki?worry=${encodeURIComponent(worry.key)}` }] : [];
}

/** こんなときに: everyday worries, each asking for an area or the current location. */
function shortcuts({ home: { shortcuts: s } }: Messages): Shortcut[] {
	const cards: Shortcut[] = [
		{ label: s.salonLabel, note: s.salonNote, links: [...guided(s.salonLink, '集い'), ...guided(s.taisoLink, '運動')] },
		{ label: s.childLabel, note: s.childNote, links: guided(s.childLabel, '育児') },
		{ label: s.careLabel, note: s.careNote, links: guided(s.careLabel, '親の介護') },
		{ label: s.helpLabel, note: s.helpNote, links: [...guided(s.garbageLink, 'ゴミ'), ...guided(s.bulbLink, '電球')] },
		{ label: s.deskLabel, note: s.deskNote, links: [{ label: s.deskLabel, href: '/search?desk=true' }] },
		{ label: s.otherLabel, note: s.otherNote, links: [{ label: s.otherLabel, href: '/konnatoki' }] }
	];
	return cards.filter((card) => card.links.length > 0);
}

export const load: PageServerLoad = ({ locals }) => ({ areas: searchAreas(getApp()), shortcuts: shortcuts(messagesFor(locals.language)) });
