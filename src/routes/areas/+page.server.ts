import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { areasByKindWithCounts } from '$lib/server/areas';

export const load: PageServerLoad = async () => ({ groups: await areasByKindWithCounts(getApp()) });
