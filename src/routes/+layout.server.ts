import type { LayoutServerLoad } from './$types';
import { getApp } from '$lib/server/app';

/** Site-wide settings every page needs: the sample-data notice, the map's base tiles and the interface language. */
export const load: LayoutServerLoad = ({ locals }) => {
	const { config } = getApp();
	return {
		sampleNotice: config.sampleNotice,
		mapTiles: { url: config.tileUrl, attribution: config.tileAttribution },
		language: locals.language
	};
};
