/**
 * Asking the browser where the reader is, with the state a button and a status line need. The
 * position is rounded to ~10 m: precise enough for walking distances, and short in shared links.
 */
export class LocationRequest {
	locating = $state(false);
	message = $state('');

	/** The position, or null (after saying so in `message`) when the browser cannot tell. */
	async locate(failMessage: string, locatingMessage: string): Promise<{ lat: string; lng: string } | null> {
		this.locating = true;
		this.message = locatingMessage;
		try {
			const position = await new Promise<GeolocationPosition>((resolve, reject) =>
				navigator.geolocation.getCurrentPosition(resolve, reject, { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 })
			);
			this.message = '';
			return { lat: position.coords.latitude.toFixed(4), lng: position.coords.longitude.toFixed(4) };
		} catch {
			this.message = failMessage;
			return null;
		} finally {
			this.locating = false;
		}
	}
}
