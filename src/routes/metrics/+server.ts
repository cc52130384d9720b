import { error } from '@sveltejs/kit';
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { metrics } from '$lib/server/operations/metrics';

function presented(header: string | null, token: string): boolean {
	const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
	const wanted = Buffer.from(token);
	return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Prometheus text format, only when METRICS_TOKEN is set and presented as a Bearer token. */
export const GET: RequestHandler = ({ request }) => {
	const token = process.env.METRICS_TOKEN;
	if (!token) error(404, 'Not Found');
	if (!presented(request.headers.get('authorization'), token)) error(401, 'Unauthorized');
	const { search, searchSync } = getApp();
	const outbox = searchSync.outbox as { pendingCount?: () => number; failureCount?: number } | null;
	const engine = search.primary.name;
	const body = metrics.render([
		{ name: 'tsunagi_search_engine', help: 'The configured search engine (1) and whether it is answering now.', value: 1, labels: `engine="${engine}",state="configured"` },
		{ name: 'tsunagi_search_engine', help: '', value: search.primaryAvailable ? 1 : 0, labels: `engine="${engine}",state="answering"` },
		{ name: 'tsunagi_outbox_pending', help: 'Listing changes not yet confirmed by Meilisearch.', value: outbox?.pendingCount?.() ?? 0 },
		{ name: 'tsunagi_outbox_failures', help: 'Consecutive failed pushes to Meilisearch.', value: outbox?.failureCount ?? 0 },
		{ name: 'tsunagi_process_resident_memory_bytes', help: 'Resident memory of the process.', value: process.memoryUsage().rss },
		{ name: 'tsunagi_process_uptime_seconds', help: 'Seconds since the process started.', value: Math.round(process.uptime()) }
	]);
	return new Response(body, { headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' } });
};
