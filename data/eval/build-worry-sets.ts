/**
 * Builds the judged worry sets (data/eval/worries.json and data/eval/worries-final.json) from the
 * generated 高知市 sample.   npx tsx data/eval/build-worry-sets.ts
 *
 * The sentences were written from the seeds' consultation examples and programmes the way
 * residents type them (colloquial, 土佐弁, indirect, kana only, IME slips). Which listings answer
 * each one was decided by reading the listings: each judgement below names what a reader looks for
 * in a listing's name or description (「地域包括支援センター」, 「お子さんを一時的にお預かり」…) or
 * its 地区 — never a taxonomy code, 困りごと tag or dictionary entry, and never an engine's answer.
 * About a third of every style is held out (`split: "heldout"`): never look at those while tuning.
 * The sample is deterministic, so the ids are stable; rerun after generator changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import type { EvalQuery } from '../../src/lib/server/search/evaluation';
import { generateSample } from '../sample/generate';
import { WORRY_SENTENCES, FINAL_SENTENCES, JUDGEMENTS, type Sentence } from './worry-sentences';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-worrysets-'));
try {
	const db = openDatabase(path.join(dir, 'sample.db'), { migrationsDir: path.resolve('drizzle') });
	generateSample(db, { listings: 3000, events: 300 });
	// What a reader sees of each published listing: name, description, 地区, the なんでも相談窓口 mark.
	const listings = db.$client
		.prepare(
			`SELECT s.id, s.name, coalesce(s.description, '') AS description,
			   (SELECT a.name FROM service_locations sl JOIN location_areas la ON la.location_id = sl.location_id
			      JOIN areas a ON a.id = la.area_id WHERE sl.service_id = s.id AND a.kind = '地区' LIMIT 1) AS district,
			   EXISTS (SELECT 1 FROM desk_certifications d WHERE d.service_id = s.id) AS desk
			 FROM services s WHERE s.status = 'published' ORDER BY coalesce(s.name_kana, s.name), s.id`
		)
		.all() as Array<{ id: string; name: string; description: string; district: string | null; desk: number }>;
	db.$client.close();

	const build = (sentences: readonly Sentence[]): EvalQuery[] =>
		sentences.map((sentence) => {
			const relevant = listings
				.filter((listing) => sentence.judged.some((name) => JUDGEMENTS[name](listing)))
				.filter((listing) => !sentence.district || listing.district === sentence.district)
				.map((listing) => listing.id);
			if (relevant.length === 0) throw new Error(`${sentence.id}: no listing answers 「${sentence.q}」`);
			return {
				id: sentence.id,
				q: sentence.q,
				kind: 'worry',
				style: sentence.style,
				split: sentence.split,
				judged: sentence.judged.join(' + ') + (sentence.district ? ` in ${sentence.district}` : ''),
				relevant
			};
		});
	const write = (file: string, queries: EvalQuery[]) => {
		fs.writeFileSync(path.resolve(file), '[\n' + queries.map((query) => '\t' + JSON.stringify(query)).join(',\n') + '\n]\n');
		console.log(`${file}: ${queries.length} sentences`);
	};
	write('data/eval/worries.json', build(WORRY_SENTENCES));
	// Always written, so that an emptied final set (moved into tuning) leaves no stale sentences behind.
	write('data/eval/worries-final.json', build(FINAL_SENTENCES));
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
