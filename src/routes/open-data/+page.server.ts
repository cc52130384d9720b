import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { openDataSummary, PUBLIC_DOWNLOADS } from '$lib/server/importers/public-downloads';

/** The open-data page: what can be downloaded, under which licence, and how fresh it is. */
export const load: PageServerLoad = () => {
	const { db, profile } = getApp();
	return {
		summary: openDataSummary(db),
		downloads: PUBLIC_DOWNLOADS.map(({ file }) => file),
		licence: profile.licence,
		publisher: profile.contact || profile.city,
		city: profile.city
	};
};
