/**
 * ふりがな over descriptions: kuromoji readings are worked out when a listing is indexed and stored
 * with it, so a page shows them without loading kuromoji per request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../src/lib/server/search/embedded';
import { rubyParts } from '../../src/lib/domain/ruby';
import { createFixtureDatabase, fixtureId, fixtureServices, type FixtureDatabase } from '../helpers/search-fixture';

const DESCRIPTION = '処方箋の調剤のほか、お薬の相談を承ります。集まる場所もあります。';

let fixture: FixtureDatabase | null = null;
afterEach(() => {
	fixture?.dispose();
	fixture = null;
});

function withReadings(text: string, engine: EmbeddedSearchEngine, id: string): string {
	return rubyParts(text, engine.descriptionRuby(id, text))
		.map((part) => (part.reading ? `${part.text}《${part.reading}》` : part.text))
		.join('');
}

describe('description readings', () => {
	it('are stored at index time over the kanji words, okurigana left outside', async () => {
		const services = fixtureServices();
		services[0] = { ...services[0], description: DESCRIPTION };
		fixture = await createFixtureDatabase(services);
		const engine = new EmbeddedSearchEngine(fixture.db);
		expect(withReadings(DESCRIPTION, engine, fixtureId(0))).toBe(
			'処方箋《しょほうせん》の調剤《ちょうざい》のほか、お薬《くすり》の相談《そうだん》を承《うけたまわ》ります。集《あつ》まる場所《ばしょ》もあります。'
		);
	});

	it('are not shown over a text they were not worked out for (an edit not indexed yet)', async () => {
		fixture = await createFixtureDatabase();
		const engine = new EmbeddedSearchEngine(fixture.db);
		const indexed = (await engine.get(fixtureId(0)))!;
		expect(engine.descriptionRuby(fixtureId(0), indexed.description).length).toBeGreaterThan(0);
		expect(engine.descriptionRuby(fixtureId(0), `${indexed.description}追記。`)).toEqual([]);
	});
});
