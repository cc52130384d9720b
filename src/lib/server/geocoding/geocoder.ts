/**
 * Address → coordinates. The real implementation asks the 国土地理院 (GSI) address search; tests
 * and offline machines use the fake (GEOCODER=fake). When neither can help, the editor drags the
 * pin on the map or types the coordinates.
 */
import { loadCityProfile, type CityProfile } from '../city-profile';

export interface GeocodeResult {
	lat: number;
	lng: number;
	/** The matched address as the service spells it ("高知県高知市本町五丁目"). */
	label: string;
}

export interface Geocoder {
	/** Best matches first; an empty list when nothing matched. Rejects with GeocodingError when the service fails. */
	geocode(address: string): Promise<GeocodeResult[]>;
}

export class GeocodingError extends Error {}

const GSI_ENDPOINT = 'https://msearch.gsi.go.jp/address-search/AddressSearch';

interface GsiFeature {
	geometry?: { coordinates?: unknown };
	properties?: { title?: unknown };
}

/** 国土地理院 地名・住所検索 API: GET ?q=<address> → GeoJSON-like features with [lng, lat]. */
export class GsiGeocoder implements Geocoder {
	constructor(
		private readonly fetchImpl: typeof fetch = fetch,
		private readonly endpoint = GSI_ENDPOINT,
		private readonly timeoutMs = 5000
	) {}

	async geocode(address: string): Promise<GeocodeResult[]> {
		const query = address.trim();
		if (query === '') return [];
		let response: Response;
		try {
			response = await this.fetchImpl(`${this.endpoint}?q=${encodeURIComponent(query)}`, {
				signal: AbortSignal.timeout(this.timeoutMs),
				headers: { accept: 'application/json' }
			});
		} catch (cause) {
			throw new GeocodingError('国土地理院の住所検索に接続できませんでした。', { cause });
		}
		if (!response.ok) throw new GeocodingError(`国土地理院の住所検索がエラーを返しました（${response.status}）。`);
		const body: unknown = await response.json().catch(() => null);
		if (!Array.isArray(body)) throw new GeocodingError('国土地理院の住所検索の応答を読み取れませんでした。');
		return (body as GsiFeature[]).flatMap((feature) => {
			const coordinates = feature.geometry?.coordinates;
			if (!Array.isArray(coordinates) || coordinates.length < 2) return [];
			const [lng, lat] = coordinates.map(Number);
			if (!Number.isFinite(lat) || !Number.isFinite(lng)) return [];
			return [{ lat, lng, label: typeof feature.properties?.title === 'string' ? feature.properties.title : query }];
		});
	}
}

/**
 * Deterministic stand-in: known addresses give known points, anything else in the configured city
 * a stable point near its centre (so tests can assert exact values), anything else nothing.
 */
export class FakeGeocoder implements Geocoder {
	static readonly KNOWN: Readonly<Record<string, { lat: number; lng: number }>> = {
		'高知県高知市本町5丁目1-45': { lat: 33.5597, lng: 133.5311 },
		'高知県高知市旭町2丁目': { lat: 33.5622, lng: 133.5129 }
	};

	calls: string[] = [];

	constructor(private readonly profile: CityProfile = loadCityProfile()) {}

	async geocode(address: string): Promise<GeocodeResult[]> {
		const query = address.normalize('NFKC').replace(/\s+/g, '');
		this.calls.push(query);
		const known = FakeGeocoder.KNOWN[query];
		if (known) return [{ ...known, label: query }];
		const { city, center } = this.profile;
		if (!query.includes(city)) return [];
		let hash = 0;
		for (const ch of query) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
		const offset = (n: number) => ((n % 2001) - 1000) / 50_000; // within ±0.02°
		return [{ lat: center.lat + offset(hash), lng: center.lng + offset(hash >>> 11), label: query }];
	}
}

let geocoder: Geocoder | null = null;

/** The app's geocoder: the GSI one unless GEOCODER=fake. */
export function getGeocoder(env: NodeJS.ProcessEnv = process.env): Geocoder {
	geocoder ??= env.GEOCODER === 'fake' ? new FakeGeocoder() : new GsiGeocoder();
	return geocoder;
}
