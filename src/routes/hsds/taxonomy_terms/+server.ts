import type { RequestHandler } from './$types';
import { listTaxonomyTerms } from '$lib/server/importers/hsds-api';
import { hsdsList } from '$lib/server/hsds-routes';

export const GET: RequestHandler = ({ url }) => hsdsList(url, listTaxonomyTerms);
