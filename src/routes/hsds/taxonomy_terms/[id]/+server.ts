import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { getTaxonomyTerm } from '$lib/server/importers/hsds-api';
import { hsdsItem } from '$lib/server/hsds-routes';

export const GET: RequestHandler = ({ params }) => hsdsItem(getTaxonomyTerm(getApp().db, params.id), '分類');
