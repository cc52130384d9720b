/**
 * Approximate (概略) area boundaries for the fictional sample: real 地区 boundaries cannot be
 * downloaded here, so each 地区 gets the Voronoi cell of its centre (every place belongs to the
 * nearest centre), clipped to the city's box. A 小学校区 splits its 地区's cell between the
 * district's schools the same way; a 中学校区 is the union of its 地区's cells, so the three maps
 * agree with each other and with the areas the listings are filed under.
 */
import { Delaunay } from 'd3-delaunay';
import { insideRing, ringArea, type AreaGeometry, type LngLat } from '../../src/lib/domain/area-map';
import kochiProfile from '../../cities/kochi/profile.json';
import { CITY_BOX, DISTRICTS, JUNIOR_HIGH_SCHOOLS, type District } from './kochi';

export interface Box {
	south: number;
	north: number;
	west: number;
	east: number;
}

export interface Site {
	lat: number;
	lng: number;
}

type Position = LngLat;
/** A closed ring: the first position is repeated at the end. */
export type Ring = Position[];

/** 5 decimals ≈ 1 m: far finer than an approximate boundary, and neighbours share exact vertices. */
const DECIMALS = 5;
const round = (value: number) => Number(value.toFixed(DECIMALS));

/** Rounded, without repeated neighbours, closed and counter-clockwise; null if nothing is left. */
function tidyRing(points: Position[]): Ring | null {
	const open: Position[] = [];
	for (const [lng, lat] of points) {
		const point: Position = [round(lng), round(lat)];
		const last = open[open.length - 1];
		if (!last || last[0] !== point[0] || last[1] !== point[1]) open.push(point);
	}
	while (open.length > 1 && open[0][0] === open[open.length - 1][0] && open[0][1] === open[open.length - 1][1]) open.pop();
	if (open.length < 3) return null;
	const ring: Ring = [...open, open[0]];
	if (ringArea(ring) === 0) return null;
	return ringArea(ring) < 0 ? ring.reverse() : ring;
}

/**
 * One convex cell per site (same order), clipped to the box; null for a site whose cell is empty
 * (a duplicate centre). Degrees of longitude are shorter than degrees of latitude away from the
 * equator, so the plane is scaled by cos(latitude) first: "nearest" then means nearest on the ground.
 */
export function voronoiCells(sites: readonly Site[], box: Box): Array<Ring | null> {
	const scale = Math.cos((((box.south + box.north) / 2) * Math.PI) / 180);
	const delaunay = Delaunay.from(sites, (site) => site.lng * scale, (site) => site.lat);
	const voronoi = delaunay.voronoi([box.west * scale, box.south, box.east * scale, box.north]);
	return sites.map((_, i) => {
		const polygon = voronoi.cellPolygon(i);
		return polygon ? tidyRing(polygon.map(([x, y]) => [x / scale, y] as Position)) : null;
	});
}

/** A directed line: the half-plane to its left is kept. */
type Line = [Position, Position];

/** The part of `subject` to the left of every line (Sutherland–Hodgman). */
function clipByLines(subject: Ring, lines: readonly Line[]): Ring | null {
	let output: Position[] = subject.slice(0, -1);
	for (const [a, b] of lines) {
		if (output.length === 0) break;
		const inside = (p: Position) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
		const crossing = (p: Position, q: Position): Position => {
			const dx = q[0] - p[0], dy = q[1] - p[1];
			const ex = b[0] - a[0], ey = b[1] - a[1];
			const t = (ex * (a[1] - p[1]) - ey * (a[0] - p[0])) / (ex * dy - ey * dx);
			return [p[0] + t * dx, p[1] + t * dy];
		};
		const input = output;
		output = [];
		for (let j = 0; j < input.length; j++) {
			const current = input[j];
			const previous = input[(j + input.length - 1) % input.length];
			if (inside(current)) {
				if (!inside(previous)) output.push(crossing(previous, current));
				output.push(current);
			} else if (inside(previous)) {
				output.push(crossing(previous, current));
			}
		}
	}
	return tidyRing(output);
}

/** The part of `subject` inside the convex, counter-clockwise `clip` ring. */
export function clipToConvex(subject: Ring, clip: Ring): Ring | null {
	return clipByLines(subject, clip.slice(0, -1).map((corner, i): Line => [corner, clip[i + 1]]));
}

/**
 * Splits a convex cell between a few sites inside it: each gets the points nearer to it than to
 * the others (on the ground, as voronoiCells measures). Done with one bisector per pair, because
 * d3-delaunay's cells come out wrong for sites on one line, as a 地区's schools may be.
 */
export function splitCell(cell: Ring, sites: readonly Site[]): Array<Ring | null> {
	const scale = Math.cos((sites[0]?.lat ?? 0) * (Math.PI / 180));
	return sites.map((own) => {
		const bisectors = sites
			.filter((other) => other !== own)
			.map((other): Line => {
				// Scaled to the ground, the bisector runs through the midpoint at right angles to own → other;
				// its left side is own's. Scaling back keeps lines straight and sides the same.
				const dx = (other.lng - own.lng) * scale, dy = other.lat - own.lat;
				const mid: Position = [(own.lng + other.lng) / 2, (own.lat + other.lat) / 2];
				return [mid, [mid[0] - dy / scale, mid[1] + dx]];
			});
		return clipByLines(cell, bisectors);
	});
}

const key = (p: Position) => `${p[0]},${p[1]}`;

/**
 * The union of cells that tile the plane without overlapping (Voronoi cells, counter-clockwise,
 * sharing exact vertices): an edge two cells share cancels out, the edges left chain into the
 * outline. Cells that do not touch give a MultiPolygon; an enclosed gap becomes a hole. Falls
 * back to the cells side by side if the outline does not chain (cells meeting only at a corner).
 */
export function unionOfCells(cells: readonly Ring[]): AreaGeometry | null {
	if (cells.length === 0) return null;
	if (cells.length === 1) return { type: 'Polygon', coordinates: [cells[0]] };
	const edges = new Map<string, Position>();
	for (const cell of cells) {
		for (let i = 0; i < cell.length - 1; i++) {
			const [from, to] = [cell[i], cell[i + 1]];
			const reverse = `${key(to)}>${key(from)}`;
			if (edges.has(reverse)) edges.delete(reverse);
			else edges.set(`${key(from)}>${key(to)}`, to);
		}
	}
	const next = new Map<string, Position>();
	for (const [edge, to] of edges) {
		const from = edge.split('>')[0];
		if (next.has(from)) return { type: 'MultiPolygon', coordinates: cells.map((cell) => [cell]) };
		next.set(from, to);
	}
	const rings: Ring[] = [];
	while (next.size > 0) {
		const [startKey, first] = next.entries().next().value!;
		const start = startKey.split(',').map(Number) as Position;
		const ring: Ring = [start];
		next.delete(startKey);
		let at = first;
		while (key(at) !== startKey) {
			ring.push(at);
			const following = next.get(key(at));
			if (!following) return { type: 'MultiPolygon', coordinates: cells.map((cell) => [cell]) };
			next.delete(key(at));
			at = following;
		}
		ring.push(start);
		rings.push(ring);
	}
	const outers = rings.filter((ring) => ringArea(ring) > 0);
	const holes = rings.filter((ring) => ringArea(ring) < 0);
	const polygons: Ring[][] = outers.map((outer) => [outer]);
	for (const hole of holes) {
		const owner = polygons.find(([outer]) => insideRing(outer, hole[0]) || insideRing(outer, hole[1]));
		// RFC 7946: holes run clockwise, as the leftover edges of a gap already do.
		owner?.push(hole);
	}
	if (polygons.length === 0) return null;
	return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Every position of a geometry (rings included twice at their closing point). */
export function positionsOf(geometry: AreaGeometry): Position[] {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.flat(2);
}

// ---------------------------------------------------------------- the 高知市 sample's boundaries

/** Where a 小学校区's centre sits: the first at its 地区's centre, the others a few hundred metres north-east. */
export function schoolSite(district: District, index: number): Site {
	const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
	return { lat: round6(district.lat + index * 0.004), lng: round6(district.lng + index * 0.004) };
}

/** The sample's box: where its coordinates stay (CITY_BOX), inside the city's bounds from its profile. */
export function sampleBox(): Box {
	const bounds = kochiProfile.bounds;
	return {
		south: Math.max(CITY_BOX.south, bounds.south),
		north: Math.min(CITY_BOX.north, bounds.north),
		west: Math.max(CITY_BOX.west, bounds.west),
		east: Math.min(CITY_BOX.east, bounds.east)
	};
}

/** Every sample area's approximate boundary, by `${kind}:${slug}` (the whole city has none). */
export function sampleBoundaries(): Map<string, AreaGeometry> {
	const box = sampleBox();
	const boundaries = new Map<string, AreaGeometry>();
	const districtCells = voronoiCells(DISTRICTS, box);
	DISTRICTS.forEach((district, i) => {
		const cell = districtCells[i];
		if (!cell) return;
		boundaries.set(`地区:${district.slug}`, { type: 'Polygon', coordinates: [cell] });
		const parts = splitCell(cell, district.schools.map((_, j) => schoolSite(district, j)));
		district.schools.forEach((school, j) => {
			const part = parts[j];
			if (part) boundaries.set(`小学校区:es-${school.slug}`, { type: 'Polygon', coordinates: [part] });
		});
	});
	for (const school of JUNIOR_HIGH_SCHOOLS) {
		const cells = DISTRICTS.flatMap((district, i) => (district.juniorHigh === school.slug && districtCells[i] ? [districtCells[i]!] : []));
		const union = unionOfCells(cells);
		if (union) boundaries.set(`中学校区:jhs-${school.slug}`, union);
	}
	return boundaries;
}
