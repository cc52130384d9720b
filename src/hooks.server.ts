import type { Handle, ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';

/** Opens the database and repairs the search index before the first request. */
export const init: ServerInit = async () => {
	const { searchSync } = getApp();
	const { embeddedRepaired } = await searchSync.catchUp();
	if (embeddedRepaired > 0) console.log(`search: embedded index caught up on ${embeddedRepaired} listings`);
};

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'geolocation=(self), camera=(), microphone=()'
};

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};
