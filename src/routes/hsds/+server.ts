import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { hsdsRoot } from '$lib/server/importers/hsds-api';

export const GET: RequestHandler = ({ url }) => json(hsdsRoot(url.origin));
