import { describe, expect, it } from 'vitest';
import { areaChipLabel, areaLabel } from '../../src/lib/domain/area';

describe('area labels', () => {
	it('names each kind of area as people say it', () => {
		expect(areaLabel({ kind: '地区', name: '旭' })).toBe('旭地区');
		expect(areaLabel({ kind: '中学校区', name: '旭中学校区' })).toBe('旭中学校区');
		expect(areaLabel({ kind: '小学校区', name: '旭東小学校区' })).toBe('旭東小学校区');
	});

	it('says the kind in a chip, not 「地区：」 for a school area', () => {
		expect(areaChipLabel({ kind: '地区', name: '旭' })).toBe('地区：旭');
		expect(areaChipLabel({ kind: '中学校区', name: '旭中学校区' })).toBe('中学校区：旭中');
		expect(areaChipLabel({ kind: '小学校区', name: '旭東小学校区' })).toBe('小学校区：旭東小');
	});
});
