import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { districts } from '$lib/server/areas';

export const load: PageServerLoad = () => ({ areas: districts(getApp()) });
