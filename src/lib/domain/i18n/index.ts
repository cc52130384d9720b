import type { Language } from './languages';
import { ja, type Messages } from './ja';
import { en } from './en';
import { easyJa } from './easy-ja';

export * from './languages';
export type { Messages } from './ja';

export const MESSAGES: Record<Language, Messages> = { ja, en, easy: easyJa };

export function messagesFor(language: Language | null | undefined): Messages {
	return MESSAGES[language ?? 'ja'] ?? ja;
}
