/** What a printed PDF holds, read back with pdf.js: the text of each A4 sheet. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
	const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
	const texts: string[] = [];
	for (let number = 1; number <= document.numPages; number++) {
		const content = await (await document.getPage(number)).getTextContent();
		texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
	}
	await document.destroy();
	return texts;
}
