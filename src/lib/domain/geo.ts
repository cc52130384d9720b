/** Distances on the ground, for "near me" search and walking times. */

const EARTH_RADIUS_M = 6_371_008.8;
/** 不動産の表示に関する公正競争規約: 徒歩1分 = 80 m. */
export const WALKING_METERS_PER_MINUTE = 80;

export interface LatLng {
	lat: number;
	lng: number;
}

export function haversineMeters(a: LatLng, b: LatLng): number {
	const toRad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * toRad;
	const dLng = (b.lng - a.lng) * toRad;
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function walkingMinutes(meters: number): number {
	return Math.max(1, Math.ceil(meters / WALKING_METERS_PER_MINUTE));
}

export function formatDistance(meters: number): string {
	return meters < 1000 ? `${Math.round(meters / 10) * 10} m` : `${(meters / 1000).toFixed(1)} km`;
}

