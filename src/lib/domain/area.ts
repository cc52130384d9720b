/** How areas read in Japanese: 「旭地区」, 「旭中学校区」 (school areas carry the kind in their name). */

export interface AreaName {
	kind: string;
	name: string;
}

/** The area as a place name: 地区 get 「地区」 added, 校区 already end with theirs. */
export function areaLabel(area: AreaName): string {
	return area.kind === '地区' && !area.name.endsWith('地区') ? `${area.name}地区` : area.name;
}

/** A search condition chip: 「地区：旭」, 「中学校区：旭中」, 「小学校区：旭東小」 (school names as people shorten them). */
export function areaChipLabel(area: AreaName): string {
	const short = area.kind.endsWith('学校区') ? area.name.replace(/学校区$/, '') : area.name.replace(/地区$/, '');
	return `${area.kind}：${short || area.name}`;
}
