import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { districtsWithCounts } from '$lib/server/areas';

export const load: PageServerLoad = async () => ({ districts: await districtsWithCounts(getApp()) });
