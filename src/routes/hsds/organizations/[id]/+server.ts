import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { getOrganization } from '$lib/server/importers/hsds-api';
import { hsdsItem } from '$lib/server/hsds-routes';

export const GET: RequestHandler = ({ params, url }) =>
	hsdsItem(getOrganization(getApp().db, params.id, url.searchParams.get('full_service') === 'true'), '団体');
