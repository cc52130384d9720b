import type { LayoutServerLoad } from './$types';
import { getApp } from '$lib/server/app';

/** Site-wide settings every page needs: the sample-data notice, the map's base tiles, the interface language and the reader's display choices. */
export const load: LayoutServerLoad = ({ locals }) => {
	const { config } = getApp();
	return {
		sampleNotice: config.sampleNotice,
		mapTiles: { url: config.tileUrl, attribution: config.tileAttribution },
		language: locals.language,
		display: locals.display
	};
};
