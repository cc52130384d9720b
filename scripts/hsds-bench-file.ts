/**
 * A large HSDS 3.0 file for timing `npm run data:import`: the services of an export bundle
 * (`npm run data:export -- --format hsds`) repeated with fresh, deterministic ids until there are
 * COUNT of them (organisations, areas and taxonomy shared, as in a real city).
 *   npx tsx scripts/hsds-bench-file.ts --from sample.json --count 100000 --out /tmp/hsds-100k.json
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { stableUuid } from '../src/lib/server/importers/stable-id';
import { CliError, runCli } from './lib/cli';

type Json = Record<string, unknown>;

await runCli('hsds-bench-file', async () => {
	const { values } = parseArgs({ options: { from: { type: 'string' }, count: { type: 'string' }, out: { type: 'string' } } });
	if (!values.from || !values.out) throw new CliError('使い方: npx tsx scripts/hsds-bench-file.ts --from BUNDLE.json --count 100000 --out FILE');
	const count = Number(values.count ?? 100_000);
	if (!Number.isInteger(count) || count < 1) throw new CliError(`--count は 1 以上の整数です（${values.count}）`);
	const bundle = JSON.parse(fs.readFileSync(values.from, 'utf8')) as Json & { services: Json[] };
	const services = bundle.services;
	if (!Array.isArray(services) || services.length === 0) throw new CliError(`${values.from} にサービスがありません`);

	const out = fs.openSync(values.out, 'w');
	const { services: _omitted, ...rest } = bundle;
	fs.writeSync(out, JSON.stringify(rest).replace(/}$/, ',"services":['));
	for (let i = 0; i < count; i++) {
		const copy = structuredClone(services[i % services.length]);
		const key = (what: string) => stableUuid(`bench:${i}:${what}`);
		copy.id = key('service');
		if (i >= services.length) copy.name = `${String(copy.name)} ${Math.floor(i / services.length) + 1}`;
		for (const [j, link] of ((copy.service_at_locations as Json[] | undefined) ?? []).entries()) {
			link.id = key(`sal:${j}`);
			link.service_id = copy.id;
			const location = link.location as Json;
			location.id = key(`location:${j}`);
			link.location_id = location.id;
		}
		for (const [j, schedule] of ((copy.schedules as Json[] | undefined) ?? []).entries()) {
			schedule.id = key(`schedule:${j}`);
			schedule.service_id = copy.id;
		}
		for (const [j, event] of ((copy['x-events'] as Json[] | undefined) ?? []).entries()) {
			event.id = key(`event:${j}`);
			delete event.location_id;
		}
		fs.writeSync(out, (i === 0 ? '' : ',') + JSON.stringify(copy));
	}
	fs.writeSync(out, ']}\n');
	fs.closeSync(out);
	console.log(`${count} services: ${values.out} (${(fs.statSync(values.out).size / 1e6).toFixed(0)} MB)`);
});
