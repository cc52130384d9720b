/**
 * The interface in Japanese: the source of the message keys. en.ts and easy-ja.ts are typed
 * against it, so a key missing there is a type error (and tests/unit/i18n.test.ts finds empty ones).
 * Many e2e tests look up these exact strings: change them with the tests.
 */
export const ja = {
	site: {
		name: 'つなぎ',
		tagline: '高知市 地域の支え合いマップ',
		titleSuffix: '｜つなぎ 高知市',
		homeTitle: 'つなぎ — 高知市 地域の支え合いマップ',
		description: '高知市の医療・介護・障害・子育て・地域の支え合いの場所を、地図と一覧で探せます。',
		skipToContent: '本文へ移動',
		sampleNote: '：施設・電話番号などは説明用の架空のものです。',
		printSource: '印刷元：'
	},
	nav: {
		label: 'サイト内',
		search: 'さがす',
		konnatoki: 'こんなときに',
		areas: '地区から探す',
		list: 'つなぎ先リスト',
		desk: 'なんでも相談窓口'
	},
	language: {
		label: '言語・Language'
	},
	footer: {
		about: 'つなぎ — 医療・介護・障害・子育て・地域の支え合いの情報をまとめて探せます。',
		deskBefore: '困ったときは、お近くの',
		deskLink: 'なんでも相談窓口',
		deskAfter: 'へどうぞ。',
		events: 'イベント・催しのカレンダー'
	},
	fields: {
		医療: '医療',
		介護: '介護',
		障害: '障害',
		子育て: '子育て',
		地域資源: '地域資源'
	},
	home: {
		title: '困ったときの相談先・通える場所をさがす',
		lead: '高知市の医療・介護・障害・子育て・地域の集いの場を、地図と一覧で探せます。',
		shortcutsTitle: 'こんなときに',
		fieldsTitle: '分野からさがす',
		fieldExamples: {
			医療: '病院・診療所・歯科・薬局・訪問看護',
			介護: '高齢者支援センター・デイサービス・ホームヘルプ',
			障害: '相談支援・就労支援・放課後等デイサービス',
			子育て: '子育て支援拠点・ファミリーサポート・保育所',
			地域資源: 'サロン・百歳体操・子ども食堂・生活支援'
		},
		areasTitle: '地区からさがす',
		areasLead: 'お住まいの地区の情報を、分野ごとにまとめて見られます。',
		areasLink: '地区の一覧へ',
		eventsTitle: 'イベント・催し',
		eventsLead: 'サロン・百歳体操・子ども食堂・講座などの日程を、日付や地区から探せます。',
		eventsLink: '今週のイベント・カレンダーへ',
		shortcuts: {
			salonLabel: '近くのサロン・百歳体操',
			salonNote: '歩いて行ける集いの場・体操の会',
			salonLink: 'サロン・通いの場',
			taisoLink: 'いきいき百歳体操',
			childLabel: '子育ての相談',
			childNote: '子育て支援拠点・相談できる場所',
			careLabel: '親の介護',
			careNote: 'まずは高齢者支援センター（地域包括支援センター）へ',
			helpLabel: 'ゴミ出し・電球交換の手伝い',
			helpNote: '住民どうしの支え合い（訪問型サービスB）',
			garbageLink: 'ゴミ出し',
			bulbLink: '電球の交換',
			deskLabel: 'なんでも相談窓口',
			deskNote: 'どこに相談すればよいか分からないとき',
			otherLabel: 'ほかの困りごと',
			otherNote: '困りごとと場所を選んで、近くの相談先をさがす'
		}
	},
	common: {
		/** Number formatting (Intl locale). */
		locale: 'ja-JP',
		count: (n: string) => `${n}件`,
		quoted: (text: string) => `「${text}」`,
		listSeparator: '・',
		reading: 'よみ'
	},
	targets: {
		高齢者: '高齢者',
		障害のある人: '障害のある人',
		'子ども・子育て世帯': '子ども・子育て世帯',
		誰でも: '誰でも'
	},
	areaKinds: {
		市域: '市域',
		地区: '地区',
		小学校区: '小学校区',
		中学校区: '中学校区'
	},
	/** A place name from an area: 「旭地区」 (school areas already end with their kind). */
	areaPlace: (name: string, kind: string) => (kind === '地区' && !name.endsWith('地区') ? `${name}地区` : name),
	weekdays: { 0: '日', 1: '月', 2: '火', 3: '水', 4: '木', 5: '金', 6: '土' },
	weekdayLong: (short: string) => `${short}曜日`,
	/** Names of the built-in kinds (taxonomy term codes); Japanese pages show the stored name. */
	kinds: {
		clinic: '診療所・クリニック',
		hospital: '病院',
		dental: '歯科',
		pharmacy: '薬局',
		'home-nursing': '訪問看護',
		'care-center': '高齢者支援センター（地域包括支援センター）',
		'care-management': '居宅介護支援',
		'day-service': 'デイサービス（通所介護）',
		'home-help': '訪問介護（ホームヘルプ）',
		'short-stay': 'ショートステイ',
		'nursing-home': '特別養護老人ホーム',
		'group-home': 'グループホーム',
		'disability-consult': '障害者相談支援',
		'employment-support': '就労支援（就労継続支援・就労移行支援）',
		'life-care': '生活介護',
		'child-development': '児童発達支援・放課後等デイサービス',
		'childcare-hub': '地域子育て支援拠点',
		'family-support': 'ファミリー・サポート・センター',
		nursery: '保育所・認定こども園',
		'temporary-care': '一時預かり',
		'after-school': '放課後児童クラブ',
		'child-consult': '子育て相談',
		salon: 'サロン・通いの場',
		'hyakusai-taiso': 'いきいき百歳体操',
		'kodomo-shokudo': '子ども食堂・地域食堂',
		'visit-support-b': '訪問型サービスB（生活支援）',
		'day-support-b': '通所型サービスB',
		'mobility-shopping': '移動・買い物支援',
		'consultation-desk': 'なんでも相談窓口',
		'social-welfare-council': '社会福祉協議会',
		'minsei-iin': '民生委員・児童委員',
		'silver-center': 'シルバー人材センター',
		'self-reliance': '生活困窮者自立相談支援',
		'community-center': '公民館・集会所'
	},
	searchForm: {
		label: '情報をさがす',
		keyword: 'キーワード',
		keywordPlaceholder: '例：サロン、薬局、子育て',
		area: '地区',
		allAreas: 'すべての地区・校区',
		submit: '検索する',
		deskOnly: 'なんでも相談窓口のみ',
		locate: '現在地の近くを探す',
		locateFailed: '現在地がわかりませんでした。地区を選んで探してください。',
		locateDone: '現在地の近い順に探します。',
		more: 'くわしい条件（分野・種類・曜日・相談窓口・現在地など）',
		openNow: '今開いているところ',
		field: '分野',
		allFields: 'すべての分野',
		kind: '種類',
		allKinds: 'すべての種類',
		target: '対象',
		anyTarget: 'だれでも（指定なし）',
		weekday: '開いている曜日',
		anyWeekday: '指定なし',
		sort: '並び順',
		sortRelevance: 'おすすめ順',
		sortName: '名前順（五十音）',
		sortDistance: '近い順',
		needsLocation: '（現在地が必要）',
		submitConditions: 'この条件で検索する'
	},
	chips: {
		title: 'いまの条件',
		remove: (label: string) => `${label} の条件を外す`,
		clearAll: '条件をすべて外す',
		area: (kind: string, name: string) => `${kind}：${name}`,
		field: (name: string) => `分野：${name}`,
		kind: (name: string) => `種類：${name}`,
		target: (name: string) => `対象：${name}`,
		deskOnly: 'なんでも相談窓口のみ',
		weekday: (day: string) => `${day}に開いている`,
		openNow: '今開いている',
		near: '現在地の近く',
		radius: (km: string) => `（${km} km 以内）`
	},
	filterNames: {
		field: '分野',
		term: '種類',
		area: '地区',
		target: '対象',
		desk: 'なんでも相談窓口のみ',
		weekday: '曜日',
		open_now: '今開いている',
		radius_km: '距離'
	},
	results: {
		titleCount: (n: string) => `（${n}件）`,
		heading: (subject: string, place: string) => (subject || place ? `${place ? `${place}の` : ''}${subject || '情報'}の検索結果` : '検索結果'),
		deskSubject: (subject: string) => (subject ? `${subject}（なんでも相談窓口）` : 'なんでも相談窓口'),
		checkConditions: '条件を確かめてください',
		none: '見つかりませんでした。',
		foundAfter: '見つかりました',
		range: (first: string, last: string) => `（${first}〜${last}件目を表示）`,
		print: (total: string) => `この一覧を印刷する（全${total}件）`,
		printedPart: (first: string, last: string, total: string) =>
			`この紙には${first}〜${last}件目だけが印刷されています（全${total}件）。すべての件数は画面の「この一覧を印刷する」から印刷できます。`,
		filteredOut: (filters: string) => `選んだ条件（${filters}）に合うものはありません。条件を外すと`,
		filteredOutCount: (count: string) => `${count}件`,
		filteredOutAfter: '見つかります。',
		withoutFilters: (filters: string) => `条件（${filters}）を外して探す`,
		tryTitle: '次のことを試してみてください。',
		tryShorter: '言葉を短くする（例：「いきいき百歳体操」→「体操」）',
		tryRemove: '上の条件（×印）をひとつずつ外す',
		tryAreas: '地区から探す',
		tryDeskBefore: '近くの',
		tryDeskLink: 'なんでも相談窓口',
		tryDeskAfter: 'に相談する',
		listAndMap: '一覧と地図',
		mapLabel: (total: string) => `検索結果の地図（${total}件すべて）`,
		unknownKind: (kind: string) => `種類「${kind}」は見つかりません。一覧から選び直してください。`,
		unknownArea: (area: string) => `地区「${area}」が見つかりません。一覧から選び直してください。`
	},
	card: {
		walk: (distance: string, minutes: string) => `約 ${distance}（徒歩${minutes}分）`,
		here: '現在地',
		address: '住所：',
		noAddress: '住所の情報なし',
		district: (name: string) => `（${name}地区）`,
		distance: (from: string, walk: string) => `${from}から ${walk}`,
		next: '次回',
		call: '電話する',
		phone: '電話：',
		showOnMap: '地図で見る',
		shownOnMap: '地図で表示中',
		addToList: 'リストに追加',
		addedToList: 'リストに追加済み',
		listFull: (max: string) => `リストは${max}件までです。`,
		desk: (scheme: string) => `なんでも相談窓口（${scheme}）`
	},
	pagination: {
		label: 'ページ',
		previous: '前へ',
		next: '次へ',
		current: (n: string) => `${n}ページ目（表示中）`,
		page: (n: string) => `${n}ページ目`
	},
	map: {
		switchLabel: '一覧と地図の切り替え',
		list: '一覧',
		map: '地図',
		backToList: '一覧に戻る',
		backToChosen: '（選んだ項目へ）',
		keys: '（＋・−キーで拡大・縮小、矢印キーで移動）',
		loading: '地図を読み込んでいます…',
		unavailable: '地図を表示できません。一覧をご覧ください。',
		noTiles: '地図画像を読み込めません（一覧と印のみ表示）'
	},
	deskInfo: {
		title: 'なんでも相談窓口とは',
		what: '薬局や社会福祉法人などが市の認定を受けて開いている、身近な相談窓口です',
		schemes: (names: string) => `（この市では「${names}」）`,
		end: '。',
		point1: '「どこに相談すればいいかわからない」ときに、どんな困りごとでも話を聞きます。介護やお金のこと、子育て、ゴミ出しや電球の交換のようなちょっとした困りごとも。',
		point2: 'その場で解決しないときは、市の「つなぎ先一覧」を使って、合った相談先や地域の支え合いにつなぎます。',
		point3: '相談の内容は、個人がわからない形で市に報告され、地域に足りない支えをつくる話し合いに役立てられます。',
		mark: '目印：'
	},
	eventMatches: {
		title: (n: string) => `イベント・催し（${n}件）`,
		next: '次回',
		all: (n: string) => `イベントをすべて見る（${n}件）`
	},
	error: {
		headings: {
			400: '入力の内容を確認してください',
			401: 'ログインが必要です',
			403: 'この操作を行う権限がありません',
			404: 'ページが見つかりません',
			413: '送られた内容が大きすぎます',
			429: 'アクセスが集中しています'
		},
		clientHeading: 'ご依頼を処理できませんでした',
		serverHeading: 'エラーが起きました',
		notFound: 'お探しのページは見つかりませんでした。アドレスが違うか、掲載が終わった可能性があります。',
		forbidden: 'この画面や操作は、あなたのアカウントでは使えません。',
		forbiddenHelp: '必要な場合は、市・社協の担当者（管理者）にご相談ください。',
		tooMany: '短い時間に多くのアクセスがありました。',
		tooManyHelp: '少し待ってから、もう一度お試しください。',
		client: 'ご依頼の内容を処理できませんでした。',
		server: '申し訳ありません。しばらくしてから、もう一度お試しください。',
		fromHome: 'トップページから探す',
		fromAreas: '地区から探す',
		findDesk: 'なんでも相談窓口を探す',
		code: 'エラー番号：'
	}
};

export type Messages = typeof ja;
