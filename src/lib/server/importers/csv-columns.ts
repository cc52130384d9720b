/**
 * The curators' listing spreadsheet: its columns with Japanese headers (the template and the CSV
 * export use them; the import matches headers by these names and their usual variants), and the
 * CSV text format Excel reads and writes (RFC 4180 quoting; BOM and CRLF on export; cells that
 * Excel would run as formulas neutralised).
 */

export const CSV_COLUMNS = [
	{ key: 'id', header: 'ID', aliases: ['id', '識別子', 'サービスID'], hint: '空欄なら新規（書き出したファイルでは自動で入ります）' },
	{ key: 'name', header: '名称', aliases: ['名前', 'サービス名', '事業所名', '施設名', '名称（サービス名）'], hint: '必須' },
	{ key: 'nameKana', header: 'よみがな', aliases: ['ふりがな', 'フリガナ', 'ヨミガナ', 'かな', '読み'], hint: 'ひらがな・カタカナ' },
	{ key: 'field', header: '分野', aliases: ['カテゴリ', '分類（分野）'], hint: '医療・介護・障害・子育て・地域資源' },
	{ key: 'terms', header: '種類', aliases: ['サービスの種類', '種別', '分類'], hint: '「薬局」「サロン・通いの場」など。複数は「、」区切り' },
	{ key: 'tags', header: '困りごと', aliases: ['困りごとタグ', 'タグ', 'キーワード'], hint: '「、」区切り' },
	{ key: 'targets', header: '対象', aliases: ['対象者'], hint: '高齢者・障害のある人・子ども・子育て世帯・誰でも（「、」区切り）' },
	{ key: 'organization', header: '団体名', aliases: ['運営団体', '法人名', '事業者名', '運営'], hint: '空欄なら名称と同じ' },
	{ key: 'organizationKind', header: '団体の種類', aliases: ['法人種別', '団体種別'], hint: '社会福祉法人・薬局・NPO・町内会・市・社協・企業・医療法人・任意団体' },
	{ key: 'postalCode', header: '郵便番号', aliases: ['〒', '郵便'], hint: '780-0870（〒・全角も可）' },
	{ key: 'address', header: '住所', aliases: ['所在地', '住所（町名・番地）', '町名・番地'], hint: '本町五丁目1番45号 など（県・市は省略可）' },
	{ key: 'building', header: '建物名', aliases: ['ビル名', '建物'], hint: '' },
	{ key: 'lat', header: '緯度', aliases: ['lat', 'latitude'], hint: '空欄なら住所から求めます' },
	{ key: 'lng', header: '経度', aliases: ['lng', 'lon', 'longitude'], hint: '空欄なら住所から求めます' },
	{ key: 'district', header: '地区', aliases: ['地区名', '地区社協'], hint: '登録済みの地区名' },
	{ key: 'phone', header: '電話番号', aliases: ['電話', 'TEL', 'tel', '連絡先電話番号'], hint: '088-823-9451（全角・ハイフンの違いは直します）' },
	{ key: 'fax', header: 'FAX', aliases: ['ファクス', 'ファックス', 'FAX番号', 'fax'], hint: '' },
	{ key: 'email', header: 'メール', aliases: ['メールアドレス', 'E-mail', 'email', 'Eメール'], hint: '' },
	{ key: 'url', header: 'URL', aliases: ['ホームページ', 'ウェブサイト', 'HP', 'url'], hint: 'https:// で始まる' },
	{ key: 'hours', header: '開所時間', aliases: ['営業時間', '受付時間', '開館時間', '時間'], hint: '月〜金 9:00〜17:00 ／ 土 9:00〜12:00' },
	{ key: 'sessions', header: '開催日', aliases: ['開催日時', '活動日', '開催'], hint: '毎月第2・第4火曜 10:00〜11:30 ／ 毎週水曜 17:00〜19:00' },
	{ key: 'description', header: '内容', aliases: ['説明', '概要', 'サービス内容', '活動内容'], hint: '' },
	{ key: 'fee', header: '費用', aliases: ['料金', '利用料', '参加費'], hint: '' },
	{ key: 'eligibility', header: '対象・条件', aliases: ['利用条件', '条件'], hint: '' },
	{ key: 'howToApply', header: '申し込み方法', aliases: ['申込方法', '申し込み', '利用方法'], hint: '' },
	{ key: 'deskCertifiedOn', header: 'なんでも相談窓口の認定日', aliases: ['相談窓口認定日', '認定日', 'なんでも相談窓口'], hint: '市の相談窓口に認定された日（認定されていなければ空欄）' },
	{ key: 'lastVerifiedAt', header: '最終確認日', aliases: ['確認日', '更新日'], hint: '2024-04-01・令和6年4月1日・R6.4.1' },
	{ key: 'status', header: '状態', aliases: ['公開状態', '公開'], hint: '公開中・下書き・確認待ち・アーカイブ（空欄なら公開中）' }
] as const;

export type CsvColumnKey = (typeof CSV_COLUMNS)[number]['key'];
export const CSV_COLUMN_KEYS = CSV_COLUMNS.map((column) => column.key) as CsvColumnKey[];

/** Header text as compared: 全角/半角, spaces, brackets and case ignored. */
export function headerKey(header: string): string {
	return header
		.normalize('NFKC')
		.replace(/^\uFEFF/, '')
		.replace(/[\s　・()（）「」*※:：]/g, '')
		.toLowerCase();
}

const BY_HEADER = new Map<string, CsvColumnKey>();
for (const column of CSV_COLUMNS) for (const name of [column.header, ...column.aliases]) BY_HEADER.set(headerKey(name), column.key);

export function columnForHeader(header: string): CsvColumnKey | null {
	return BY_HEADER.get(headerKey(header)) ?? null;
}

export function isColumnKey(value: string): value is CsvColumnKey {
	return (CSV_COLUMN_KEYS as string[]).includes(value);
}

/** A column by its key or its Japanese header (what `--map 見出し=項目` may name). */
export function columnByName(name: string): CsvColumnKey | null {
	return isColumnKey(name) ? name : columnForHeader(name);
}

// ------------------------------------------------------------------------------ CSV text

/** RFC 4180: quoted fields, "" inside quotes, CRLF or LF line ends; a trailing blank line is ignored. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += ch;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/**
 * A cell Excel would evaluate (= + - @, and tab or CR that start a formula in some versions) is
 * prefixed with an apostrophe, which Excel shows as text and does not run.
 */
export function neutralizeCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quoteCell(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Excel-safe CSV: UTF-8 with BOM, CRLF line ends, every cell neutralised and quoted as needed. */
export function toExcelCsv(rows: string[][]): string {
	return `\uFEFF${rows.map((cells) => cells.map((cell) => quoteCell(neutralizeCell(cell))).join(',')).join('\r\n')}\r\n`;
}
