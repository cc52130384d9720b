import type { LayoutServerLoad } from './$types';
import { getApp } from '$lib/server/app';

/** Site-wide settings every page needs: the city's names, the sample-data notice, the map's base tiles and home, the interface language and the reader's display choices. */
export const load: LayoutServerLoad = ({ locals }) => {
	const { config, profile } = getApp();
	return {
		city: profile.city,
		cityEn: profile.cityEn,
		prefecture: profile.prefecture,
		deskProgramme: profile.deskProgramme,
		sampleNotice: config.sampleNotice,
		sampleNoticeEn: config.sampleNoticeEn,
		mapTiles: { url: config.tileUrl, attribution: config.tileAttribution, home: profile.center },
		language: locals.language,
		display: locals.display
	};
};
