import type { RequestHandler } from './$types';
import { listServiceAtLocations } from '$lib/server/importers/hsds-api';
import { hsdsList } from '$lib/server/hsds-routes';

export const GET: RequestHandler = ({ url }) => hsdsList(url, listServiceAtLocations);
