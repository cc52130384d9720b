import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireCurator } from '$lib/server/auth/permissions';
import { getJob } from '$lib/server/importers/import-jobs';
import { getApp } from '$lib/server/app';
import { PHASE_LABELS } from '$lib/server/importers/data-files';

export const load: PageServerLoad = (event) => {
	const user = requireCurator(event);
	const job = getJob(getApp().db, event.params.id, user.id);
	if (!job) error(404, 'この読み込みは見つかりません。');
	const phase = job.phase === 'done' ? '完了' : job.phase === 'index' ? '検索の索引' : PHASE_LABELS[job.phase];
	return {
		job: {
			fileName: job.fileName,
			phase,
			done: job.done,
			total: job.total,
			finished: job.finished,
			ok: job.result?.ok ?? false,
			lines: job.result?.lines ?? [],
			error: job.error
		}
	};
};
