import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { loadCityProfile } from '$lib/server/city-profile';
import { getGeocoder } from '$lib/server/geocoding';
import { CSV_COLUMNS, columnByName } from '$lib/server/importers/csv-columns';
import type { HeaderMapping } from '$lib/server/importers/csv-import';
import { importDataFile, type ImportFileResult } from '$lib/server/importers/data-files';
import { dropUpload, importLog, keepUpload, recentJobs, startJob, takeUpload } from '$lib/server/importers/import-jobs';

const MAX_BYTES = 50 * 1024 * 1024;

export const load: PageServerLoad = (event) => {
	const user = requireCurator(event);
	const { db } = getApp();
	const published = db.$client.prepare("SELECT count(*) FROM services WHERE status = 'published'").pluck().get() as number;
	return {
		published,
		columns: CSV_COLUMNS.map((column) => ({ key: column.key, header: column.header, hint: column.hint })),
		jobs: recentJobs(db, user.id),
		log: importLog(db)
	};
};

/** "map.<header>" fields of the mapping step → header → column. */
function mappingFrom(form: FormData): HeaderMapping {
	const mapping: HeaderMapping = {};
	for (const [key, value] of form) {
		if (!key.startsWith('map.') || typeof value !== 'string' || value === '') continue;
		const column = value === 'ignore' ? 'ignore' : columnByName(value);
		if (column) mapping[key.slice(4)] = column;
	}
	return mapping;
}

function summary(result: ImportFileResult) {
	return {
		ok: result.ok,
		lines: result.lines,
		unknownHeaders: result.csv?.preview.unknownHeaders ?? [],
		problems: result.csv?.preview.problems ?? [],
		rows: result.csv?.preview.rows.length ?? 0,
		rejected: result.hsds?.rejected ?? []
	};
}

export const actions: Actions = {
	/** Reads the file, checks every row without writing, and keeps the file for the import. */
	preview: async (event) => {
		const user = requireCurator(event);
		const form = await event.request.formData();
		const file = form.get('file');
		const token = String(form.get('token') ?? '');
		let upload = token ? takeUpload(token, user.id) : null;
		if (!upload) {
			if (!(file instanceof File) || file.size === 0) return fail(400, { message: 'ファイルを選んでください（CSV または HSDS の JSON）。' });
			if (file.size > MAX_BYTES) return fail(400, { message: 'ファイルが大きすぎます（50MB まで）。分けて読み込んでください。' });
			const bytes = new Uint8Array(await file.arrayBuffer());
			upload = takeUpload(keepUpload(user.id, file.name, bytes), user.id)!;
		}
		const mapping = mappingFrom(form);
		const result = await importDataFile(getApp().db, { bytes: upload.bytes, fileName: upload.fileName, dryRun: true, mapping, profile: loadCityProfile() });
		return { preview: { token: upload.token, fileName: upload.fileName, mapping, ...summary(result) } };
	},

	/** Starts the import in the background and shows its progress. */
	import: async (event) => {
		const user = requireCurator(event);
		const form = await event.request.formData();
		const upload = takeUpload(String(form.get('token') ?? ''), user.id);
		if (!upload) return fail(400, { message: 'ファイルの有効期限が切れました。もう一度ファイルを選んでください。' });
		const mapping = mappingFrom(form);
		const { db, searchSync, embedded, meilisearch } = getApp();
		const job = startJob(db, user.id, upload.fileName, async (job) => {
			const result = await importDataFile(db, {
				actor: { userId: user.id, name: user.displayName, jobId: job.id },
				bytes: upload.bytes,
				fileName: upload.fileName,
				mapping,
				profile: loadCityProfile(),
				geocoder: getGeocoder(),
				geocodeIntervalMs: Number(process.env.GEOCODE_INTERVAL_MS ?? 1000),
				meilisearch,
				running: { embedded, sync: searchSync },
				onProgress: (done, total, phase) => Object.assign(job, { done, total, phase: phase ?? 'write' }),
				onIndexProgress: (done, total) => Object.assign(job, { done, total, phase: 'index' })
			});
			dropUpload(upload.token);
			return result;
		});
		redirect(303, `/admin/data/jobs/${job.id}`);
	}
};
