import type { Messages } from './ja';

/**
 * やさしい日本語: short sentences, everyday words, few kanji (with spaces between phrases), for
 * residents who are still learning Japanese. html lang stays "ja".
 */
export const easyJa: Messages = {
	site: {
		name: 'つなぎ',
		tagline: '高知市 こまったときの ちず',
		titleSuffix: '｜つなぎ 高知市',
		homeTitle: 'つなぎ — 高知市 こまったときの ちず',
		description: '高知市の 病院や 介護、子育て、ちいきの 集まる 場所を、ちずと リストで さがせます。',
		skipToContent: 'ページの 中身へ',
		sampleNote: '：ここに ある 場所や 電話番号は、せつめいの ための うその データです。',
		printSource: 'いんさつした ページ：'
	},
	nav: {
		label: 'サイトの メニュー',
		search: 'さがす',
		konnatoki: 'こまったとき',
		areas: 'ちいきから さがす',
		list: 'メモした 場所',
		desk: 'なんでも そうだん'
	},
	language: {
		label: 'ことば・Language'
	},
	footer: {
		about: 'つなぎ — 病院・介護・しょうがい・子育て・ちいきの たすけあいの じょうほうを まとめて さがせます。',
		deskBefore: 'こまったら、ちかくの ',
		deskLink: 'なんでも そうだん まどぐち',
		deskAfter: 'に きいて ください。',
		events: 'イベントの カレンダー'
	},
	fields: {
		医療: '病院・くすり',
		介護: '介護（お年より）',
		障害: 'しょうがい',
		子育て: '子育て',
		地域資源: 'ちいきの 場所'
	},
	home: {
		title: 'こまったときに そうだんする 場所を さがす',
		lead: '高知市の 病院、介護、しょうがい、子育て、ちいきの 集まる 場所を、ちずと リストで さがせます。',
		shortcutsTitle: 'こまったとき',
		fieldsTitle: 'しゅるいから さがす',
		fieldExamples: {
			医療: '病院・くすりや（やっきょく）・はいしゃ',
			介護: 'お年よりの そうだん・デイサービス',
			障害: 'しょうがいの そうだん・しごとの しえん',
			子育て: '子育ての そうだん・ほいくしょ',
			地域資源: 'サロン・たいそう・子ども食堂'
		},
		areasTitle: 'ちいきから さがす',
		areasLead: 'すんでいる ちいきの じょうほうを 見る ことが できます。',
		areasLink: 'ちいきの リストへ',
		eventsTitle: 'イベント',
		eventsLead: 'サロン・たいそう・子ども食堂・こうざ などの 日にちを さがせます。',
		eventsLink: 'イベントの カレンダーへ',
		shortcuts: {
			salonLabel: 'ちかくの サロン・たいそう',
			salonNote: 'あるいて 行ける 集まる 場所',
			salonLink: 'サロン・集まる 場所',
			taisoLink: 'いきいき百歳たいそう',
			childLabel: '子育ての そうだん',
			childNote: '子育ての ことを そうだん できる 場所',
			careLabel: 'おや の 介護',
			careNote: 'まず 高齢者支援センターに そうだん',
			helpLabel: 'ゴミ出し・電球の こうかんの 手つだい',
			helpNote: 'ちいきの 人が たすけて くれます',
			garbageLink: 'ゴミ出し',
			bulbLink: '電球の こうかん',
			deskLabel: 'なんでも そうだん',
			deskNote: 'どこに そうだん したら いいか わからない とき',
			otherLabel: 'ほかの こまりごと',
			otherNote: 'こまりごとと 場所を えらんで、ちかくの そうだん先を さがす'
		}
	},
	error: {
		headings: {
			400: '入れた ことばを たしかめて ください',
			401: 'ログインが ひつようです',
			403: 'この そうさは できません',
			404: 'ページが ありません',
			413: 'おくった ものが 大きすぎます',
			429: 'いま、こんでいます'
		},
		clientHeading: 'おねがいを しょりできませんでした',
		serverHeading: 'エラーが おきました',
		notFound: 'さがしている ページが ありません。アドレスが ちがうか、もう おわった かもしれません。',
		forbidden: 'あなたの アカウントでは つかえません。',
		forbiddenHelp: '市や 社協の たんとうしゃに そうだん して ください。',
		tooMany: 'みじかい 時間に たくさんの アクセスが ありました。',
		tooManyHelp: 'すこし まってから、もう一度 ためして ください。',
		client: 'おねがいを しょりできませんでした。',
		server: 'ごめんなさい。あとで もう一度 ためして ください。',
		fromHome: 'はじめの ページから さがす',
		fromAreas: 'ちいきから さがす',
		findDesk: 'なんでも そうだん まどぐちを さがす',
		code: 'エラーの 番号：'
	}
};
