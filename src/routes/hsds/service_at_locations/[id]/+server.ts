import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { getServiceAtLocation } from '$lib/server/importers/hsds-api';
import { hsdsItem } from '$lib/server/hsds-routes';

export const GET: RequestHandler = ({ params }) => hsdsItem(getServiceAtLocation(getApp().db, params.id), 'サービスの場所');
