import type { RequestHandler } from './$types';
import { getTaxonomy } from '$lib/server/importers/hsds-api';
import { hsdsItem } from '$lib/server/hsds-routes';

export const GET: RequestHandler = ({ params }) => hsdsItem(getTaxonomy(params.id), '分類体系');
