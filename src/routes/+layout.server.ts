import type { LayoutServerLoad } from './$types';
import { getApp } from '$lib/server/app';

/** Site-wide settings every page needs: the sample-data notice and the map's base tiles. */
export const load: LayoutServerLoad = () => {
	const { config } = getApp();
	return {
		sampleNotice: config.sampleNotice,
		mapTiles: { url: config.tileUrl, attribution: config.tileAttribution }
	};
};
