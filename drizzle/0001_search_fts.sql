-- Full-text index for the embedded search engine. drizzle-kit cannot model virtual tables.
-- Text is stored as overlapping bigrams of the normalised text (see src/lib/domain/text), so that
-- 2-character Japanese words (薬局, 体操, 社協) match inside longer names; FTS5's trigram tokenizer
-- never matches queries shorter than 3 characters.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	`name`, `kana`, `keywords`, `body`,
	tokenize = 'unicode61 remove_diacritics 0',
	content = '',
	contentless_delete = 1
);
