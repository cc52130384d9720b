/** Route glue for /hsds/*: query validation and the JSON answers (the logic is in importers/hsds-api). */
import { json } from '@sveltejs/kit';
import type { AppDatabase } from './db';
import { getApp } from './app';
import { badRequest, notFound } from './http';
import { parseListQuery, type HsdsListQuery } from './importers/hsds-api';

export function hsdsList(url: URL, list: (db: AppDatabase, query: HsdsListQuery) => unknown): Response {
	const parsed = parseListQuery(url.searchParams);
	if (!parsed.ok) return badRequest(parsed.issues);
	return json(list(getApp().db, parsed.query));
}

export function hsdsItem(found: unknown, what: string): Response {
	if (!found) return notFound(`指定された${what}は見つかりません。`, `No ${what === 'サービス' ? 'service' : 'object'} with this id.`);
	return json(found);
}
