/**
 * What the routes call: resolves area names to ids, asks the configured engine, and falls back to
 * the embedded engine when the external one fails, saying which engine answered.
 */
import type { AppDatabase } from '../db';
import type { SearchEngine } from './engine';
import type { SearchQuery, SearchResult } from '../../domain/search';
import { normalizeText } from '../../domain/text/normalize';

export interface AreaRef {
	id: string;
	kind: string;
	slug: string;
	name: string;
}

export interface ServedSearch {
	result: SearchResult;
	engine: SearchEngine['name'];
	area: AreaRef | null;
}

export class UnknownAreaError extends Error {
	constructor(readonly area: string) {
		super(`unknown area: ${area}`);
	}
}

export class SearchService {
	private areaCache: AreaRef[] | null = null;

	constructor(
		private readonly db: AppDatabase,
		readonly primary: SearchEngine,
		readonly fallback: SearchEngine,
		private readonly log: (message: string) => void = (message) => console.warn(message)
	) {}

	areas(): AreaRef[] {
		this.areaCache ??= this.db.$client
			.prepare('SELECT id, kind, slug, name FROM areas ORDER BY sort_order, name')
			.all() as AreaRef[];
		return this.areaCache;
	}

	/** Forgets cached areas after an admin edit. */
	invalidateAreas(): void {
		this.areaCache = null;
	}

	/** An area by id, slug or name ("旭", "旭地区", "asahi"); 地区 wins over school districts. */
	resolveArea(value: string): AreaRef | null {
		const wanted = normalizeText(value);
		const bare = wanted.replace(/地区$/, '');
		const areas = this.areas();
		return (
			areas.find((area) => area.id === value || area.slug === wanted) ??
			areas.find((area) => area.kind === '地区' && normalizeText(area.name) === bare) ??
			areas.find((area) => normalizeText(area.name) === wanted) ??
			null
		);
	}

	async search(query: SearchQuery): Promise<ServedSearch> {
		let area: AreaRef | null = null;
		if (query.area) {
			area = this.resolveArea(query.area);
			if (!area) throw new UnknownAreaError(query.area);
		}
		const resolved = { ...query, area: area?.id };
		if (this.primary !== this.fallback) {
			try {
				return { result: await this.primary.search(resolved), engine: this.primary.name, area };
			} catch (error) {
				this.log(`search: ${this.primary.name} failed (${(error as Error).message}); answered by ${this.fallback.name}`);
			}
		}
		return { result: await this.fallback.search(resolved), engine: this.fallback.name, area };
	}
}
