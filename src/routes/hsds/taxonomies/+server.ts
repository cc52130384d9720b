import type { RequestHandler } from './$types';
import { listTaxonomies } from '$lib/server/importers/hsds-api';
import { hsdsList } from '$lib/server/hsds-routes';

export const GET: RequestHandler = ({ url }) => hsdsList(url, (_db, query) => listTaxonomies(query));
