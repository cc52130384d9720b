/**
 * A listing's stored reading (よみがな) in Latin letters for English pages: 「さくらさろん」 →
 * "Sakura Saron". Names stay as entered; this only tells a reader how to say them.
 */
import { toRomaji } from 'wanakana';

export function romanizedReading(kana: string | null | undefined): string | null {
	const text = kana?.normalize('NFKC').trim();
	if (!text || !/[\u3041-\u30ff]/.test(text)) return null;
	return toRomaji(text.replace(/[・･]/g, ' '))
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}
