/** What every print view shares: how many listings one printout holds, and the date it was issued. */
import QRCode from 'qrcode';
import { formatDateForReader } from '$lib/domain/format';
import type { Language } from '../domain/i18n/languages';

/** A printout holds at most this many listings (about 25–30 A4 pages); more is said on the paper. */
export const PRINT_LIMIT = 300;

/** "2026年11月30日（令和8年11月30日）" ("Nov 30, 2026" in English): printed lists carry the day they were true. */
export function issuedOn(now: Date = new Date(), language: Language = 'ja'): string {
	return formatDateForReader(now.toISOString(), language) ?? '';
}

/**
 * A QR code that opens `url`, as a PNG data URL (printed at about 2 cm; medium error correction
 * survives a smudged or folded page).
 */
export function qrDataUrl(url: string): Promise<string> {
	return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 176 });
}
