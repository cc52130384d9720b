/** URLs as people read them: printed lists say where they came from, in Japanese, not %E6%97%AD. */

/** "http://host/search?q=%E6%97%AD" → "http://host/search?q=旭"; left as is when it is not valid. */
export function readableUrl(href: string): string {
	try {
		return decodeURI(href);
	} catch {
		return href;
	}
}
