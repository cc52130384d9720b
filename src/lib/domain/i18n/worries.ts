/**
 * こんなときに: the worries a resident can choose are stored in the taxonomy (worry concepts, in
 * Japanese). Their wording in other languages, keyed by the stored Japanese: a worry a curator
 * added or rewrote has no entry and is shown as stored (marked lang="ja" on English pages).
 */
import type { Language } from './languages';

const WORRY_ASKS: Partial<Record<Language, Record<string, string>>> = {
	en: {
		電球を替えてほしい: 'I need someone to change a light bulb',
		ゴミ出しがつらい: 'Taking out the rubbish is hard',
		'草抜き・庭の手入れを頼みたい': 'I need help with weeding or the garden',
		買い物に行けない: 'I cannot get to the shops',
		'掃除・片付けを手伝ってほしい': 'I need help with cleaning or tidying',
		一人暮らしが心配: 'I am worried about living alone',
		話し相手がほしい: 'I would like someone to talk to',
		通院に付き添ってほしい: 'I need someone to go to the doctor with me',
		食事の用意がたいへん: 'Making meals is hard',
		'子育ての息抜き（子どもを預けたい）': 'A break from child-rearing (childcare for a while)',
		子育ての悩みを相談したい: 'I want advice on raising my child',
		親の介護: 'Caring for a parent',
		家計の相談: 'Advice on household money',
		仕事を探したい: 'I am looking for work',
		'体操で体を動かしたい（百歳体操）': 'I want to exercise (100-year exercise)',
		'通いの場を探したい（サロン）': 'I am looking for a place to go (salon)',
		薬のことを相談したい: 'I want to ask about medicines',
		外出の足がない: 'I have no way to get around'
	}
};

/** A こんなときに worry in the interface language, or as stored (then `stored`: marked lang="ja" on English pages). */
export function worryAskLabel(language: Language, ask: string): { text: string; stored: boolean } {
	const text = WORRY_ASKS[language]?.[ask];
	return text ? { text, stored: false } : { text: ask, stored: language === 'en' };
}
