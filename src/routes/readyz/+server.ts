import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { readiness } from '$lib/server/operations/health';

/** Readiness: 200 when this instance can serve and save; 503 (with the reason) when it cannot. */
export const GET: RequestHandler = () => {
	const state = readiness(getApp());
	return json({ status: state.ready ? 'ready' : 'not ready', ...state }, { status: state.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
