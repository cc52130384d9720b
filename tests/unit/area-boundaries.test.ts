/**
 * The sample's approximate boundaries (Voronoi cells of the 地区 centres, clipped to the city's
 * box) and the overlay's shading: every area gets one closed shape inside the city's bounds, the
 * 地区 tile the box without gaps or overlaps, 小学校区 split their 地区, 中学校区 are unions of
 * theirs; the legend's classes cover every count once.
 */
import { describe, expect, it } from 'vitest';
import kochiProfile from '../../cities/kochi/profile.json';
import { clipToConvex, sampleBoundaries, sampleBox, splitCell, unionOfCells, voronoiCells, type Ring } from '../../data/sample/boundaries';
import { DISTRICTS, JUNIOR_HIGH_SCHOOLS } from '../../data/sample/kochi';
import {
	areaMapKind,
	areasBounds,
	insideGeometry,
	labelPoint,
	parseAreaGeometry,
	ringArea,
	shadeClasses,
	shadeColors,
	shadeOf,
	type AreaGeometry
} from '../../src/lib/domain/area-map';

const boundaries = sampleBoundaries();
const box = sampleBox();
const boxArea = (box.east - box.west) * (box.north - box.south);

function polygonsOf(geometry: AreaGeometry) {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Area in degrees²: outer rings minus holes. */
function areaOf(geometry: AreaGeometry): number {
	return polygonsOf(geometry).reduce((sum, [outer, ...holes]) => sum + ringArea(outer) - holes.reduce((h, hole) => h + Math.abs(ringArea(hole)), 0), 0);
}

describe('the sample’s approximate boundaries', () => {
	it('one shape per 地区, 小学校区 and 中学校区, and nothing else', () => {
		const schools = DISTRICTS.flatMap((district) => district.schools);
		expect([...boundaries.keys()].sort()).toEqual(
			[
				...DISTRICTS.map((district) => `地区:${district.slug}`),
				...schools.map((school) => `小学校区:es-${school.slug}`),
				...JUNIOR_HIGH_SCHOOLS.map((school) => `中学校区:jhs-${school.slug}`)
			].sort()
		);
	});

	it('every ring is closed, has at least three corners, and outer rings run counter-clockwise (RFC 7946)', () => {
		for (const [key, geometry] of boundaries) {
			for (const [outer, ...holes] of polygonsOf(geometry)) {
				for (const ring of [outer, ...holes]) {
					expect(ring.length, key).toBeGreaterThanOrEqual(4);
					expect(ring[0], key).toEqual(ring[ring.length - 1]);
				}
				expect(ringArea(outer), key).toBeGreaterThan(0);
				for (const hole of holes) expect(ringArea(hole), key).toBeLessThan(0);
			}
		}
	});

	it('every corner lies inside the sample box, and the box inside the bounds of cities/kochi/profile.json', () => {
		const { bounds } = kochiProfile;
		expect(box.south).toBeGreaterThanOrEqual(bounds.south);
		expect(box.north).toBeLessThanOrEqual(bounds.north);
		expect(box.west).toBeGreaterThanOrEqual(bounds.west);
		expect(box.east).toBeLessThanOrEqual(bounds.east);
		for (const [key, geometry] of boundaries) {
			for (const [lng, lat] of polygonsOf(geometry).flat(2)) {
				expect(lng >= box.west && lng <= box.east && lat >= box.south && lat <= box.north, `${key} ${lng},${lat}`).toBe(true);
			}
		}
	});

	it('the 地区 tile the box: each holds its own centre and no other, and their areas add up to the box', () => {
		let total = 0;
		for (const district of DISTRICTS) {
			const cell = boundaries.get(`地区:${district.slug}`)!;
			total += areaOf(cell);
			for (const other of DISTRICTS) {
				expect(insideGeometry(cell, [other.lng, other.lat]), `${district.slug} holds ${other.slug}`).toBe(other === district);
			}
		}
		expect(Math.abs(total - boxArea) / boxArea).toBeLessThan(1e-4);
	});

	it('a 地区’s 小学校区 split it (their areas add up to the 地区’s)', () => {
		for (const district of DISTRICTS) {
			const whole = areaOf(boundaries.get(`地区:${district.slug}`)!);
			const parts = district.schools.reduce((sum, school) => sum + areaOf(boundaries.get(`小学校区:es-${school.slug}`)!), 0);
			// Equal but for rounding to 5 decimals (about 1 m) along the split.
			expect(Math.abs(parts - whole) / whole, district.slug).toBeLessThan(1e-3);
		}
	});

	it('a 中学校区 is the union of its 地区 (same area, its 地区’s centres inside, the others outside)', () => {
		for (const school of JUNIOR_HIGH_SCHOOLS) {
			const shape = boundaries.get(`中学校区:jhs-${school.slug}`)!;
			const members = DISTRICTS.filter((district) => district.juniorHigh === school.slug);
			const sum = members.reduce((total, district) => total + areaOf(boundaries.get(`地区:${district.slug}`)!), 0);
			expect(Math.abs(areaOf(shape) - sum) / sum, school.slug).toBeLessThan(1e-4);
			for (const district of DISTRICTS) {
				expect(insideGeometry(shape, [district.lng, district.lat]), `${school.slug} / ${district.slug}`).toBe(district.juniorHigh === school.slug);
			}
		}
	});

	it('is the same on every run (the sample is byte-identical)', () => {
		expect(JSON.stringify([...sampleBoundaries()])).toBe(JSON.stringify([...boundaries]));
	});
});

describe('the geometry helpers', () => {
	const square = (west: number, south: number, size: number): Ring => [
		[west, south],
		[west + size, south],
		[west + size, south + size],
		[west, south + size],
		[west, south]
	];

	it('Voronoi cells of two sites split the box down the middle', () => {
		const cells = voronoiCells([{ lat: 0.5, lng: 0.25 }, { lat: 0.5, lng: 0.75 }], { south: 0, north: 1, west: 0, east: 1 });
		for (const cell of cells) expect(ringArea(cell!)).toBeCloseTo(0.5);
	});

	it('a cell split between three sites on one line gives three strips that fill it', () => {
		const parts = splitCell(square(0, 0, 3), [{ lat: 0.5, lng: 0.5 }, { lat: 1.5, lng: 1.5 }, { lat: 2.5, lng: 2.5 }]);
		expect(parts.every((part) => part !== null)).toBe(true);
		expect(parts.reduce((sum, part) => sum + ringArea(part!), 0)).toBeCloseTo(9);
		expect(insideGeometry({ type: 'Polygon', coordinates: [parts[1]!] }, [1.5, 1.5])).toBe(true);
	});

	it('clipping a square to another keeps the overlap', () => {
		expect(ringArea(clipToConvex(square(0, 0, 2), square(1, 1, 2))!)).toBeCloseTo(1);
		expect(clipToConvex(square(0, 0, 1), square(5, 5, 1))).toBeNull();
	});

	it('the union of touching squares is one outline; of apart squares, two; of a ring of squares, a shape with a hole', () => {
		const two = unionOfCells([square(0, 0, 1), square(1, 0, 1)])!;
		expect(two.type).toBe('Polygon');
		expect(areaOf(two)).toBeCloseTo(2);
		const apart = unionOfCells([square(0, 0, 1), square(5, 0, 1)])!;
		expect(apart.type).toBe('MultiPolygon');
		const frame = [0, 1, 2].flatMap((x) => [0, 1, 2].map((y) => square(x, y, 1))).filter((_, i) => i !== 4);
		const withHole = unionOfCells(frame)!;
		expect(withHole.type).toBe('Polygon');
		expect(withHole.coordinates).toHaveLength(2);
		expect(areaOf(withHole)).toBeCloseTo(8);
		expect(insideGeometry(withHole, [1.5, 1.5])).toBe(false);
		expect(insideGeometry(withHole, [0.5, 0.5])).toBe(true);
	});
});

describe('the overlay’s shading and labels', () => {
	it('classes cover every count exactly once, upwards without gaps, 0 on its own', () => {
		const counts = [0, 3, 5, 8, 13, 21, 34, 55, 89, 144, 144, 233];
		const classes = shadeClasses(counts);
		expect(classes.length).toBeLessThanOrEqual(5);
		expect(classes[0]).toEqual({ min: 0, max: 0 });
		for (let i = 1; i < classes.length; i++) expect(classes[i].min).toBe(classes[i - 1].max + 1);
		expect(classes[classes.length - 1].max).toBe(233);
		for (const count of counts) expect(classes.filter((shade) => count >= shade.min && count <= shade.max)).toHaveLength(1);
		expect(shadeOf(0, classes)).toBe(0);
		expect(shadeOf(233, classes)).toBe(classes.length - 1);
	});

	it('few or equal counts give few classes, and their shades still run light to dark', () => {
		expect(shadeClasses([])).toEqual([]);
		expect(shadeClasses([7, 7, 7])).toEqual([{ min: 7, max: 7 }]);
		expect(shadeClasses([1, 2])).toEqual([{ min: 1, max: 1 }, { min: 2, max: 2 }]);
		const colors = shadeColors(2);
		expect(colors).toHaveLength(2);
		expect(colors[0]).not.toBe(colors[1]);
	});

	it('?kind= takes a code or the Japanese name, and falls back to the first kind there is', () => {
		const all = ['地区', '小学校区', '中学校区'] as const;
		expect(areaMapKind('elementary', all)).toBe('elementary');
		expect(areaMapKind('中学校区', all)).toBe('junior-high');
		expect(areaMapKind(null, all)).toBe('district');
		expect(areaMapKind('<script>', all)).toBe('district');
		expect(areaMapKind('district', ['小学校区'])).toBe('elementary');
	});

	it('the label sits inside its shape, at the stored centre when that is inside', () => {
		const geometry: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]] };
		expect(labelPoint(geometry, { lat: 1, lng: 1 })).toEqual({ lat: 1, lng: 1 });
		expect(labelPoint(geometry, { lat: 9, lng: 9 })).toEqual({ lat: 2, lng: 2 });
		expect(labelPoint(null, { lat: 9, lng: 9 })).toEqual({ lat: 9, lng: 9 });
		expect(labelPoint(null, null)).toBeNull();
	});

	it('a stored polygon that is broken or not a polygon is drawn at its centre instead (never an error)', () => {
		expect(parseAreaGeometry(null)).toBeNull();
		expect(parseAreaGeometry('{"type":"Point","coordinates":[1,2]}')).toBeNull();
		expect(parseAreaGeometry('{not json')).toBeNull();
		expect(parseAreaGeometry('{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}')?.type).toBe('Polygon');
	});

	it('the view fits shapes and circles alike', () => {
		const area = (lng: number, lat: number, geometry: AreaGeometry | null) => ({
			id: `${lng}`, name: '', count: 0, countText: '', fill: '', href: '', linkText: '', label: { lat, lng }, geometry
		});
		expect(areasBounds([area(1, 1, null), area(2, 2, { type: 'Polygon', coordinates: [[[2, 2], [3, 2], [3, 5], [2, 2]]] })])).toEqual([1, 1, 3, 5]);
		expect(areasBounds([])).toBeNull();
	});
});
