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
