import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { getService } from '$lib/server/importers/hsds-api';
import { hsdsItem } from '$lib/server/hsds-routes';

export const GET: RequestHandler = ({ params }) => hsdsItem(getService(getApp().db, params.id), 'サービス');
