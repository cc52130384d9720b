/**
 * A seeded PRNG (mulberry32) and the few draws the generator needs. Everything random in the
 * sample — ids included — comes from here, so one seed always yields byte-identical data.
 */

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Next unsigned 32-bit integer (mulberry32). */
	uint32(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.uint32() / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	/** Up to `count` distinct items, in their original order. */
	sample<T>(items: readonly T[], count: number): T[] {
		const chosen = new Set<number>();
		const wanted = Math.min(count, items.length);
		while (chosen.size < wanted) chosen.add(Math.floor(this.next() * items.length));
		return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
	}

	/** A UUID v4-shaped id (version nibble 4, RFC 4122 variant) drawn from the stream. */
	uuid(): string {
		const a = this.uint32();
		const b = this.uint32();
		const c = this.uint32();
		const d = this.uint32();
		return (
			hex8(a) +
			'-' +
			HEX_BYTES[b >>> 24] +
			HEX_BYTES[(b >>> 16) & 0xff] +
			'-4' +
			HEX_BYTES[(b >>> 8) & 0xff].slice(1) +
			HEX_BYTES[b & 0xff] +
			'-' +
			HEX_BYTES[((c >>> 24) & 0x3f) | 0x80] +
			HEX_BYTES[(c >>> 16) & 0xff] +
			'-' +
			HEX_BYTES[(c >>> 8) & 0xff] +
			HEX_BYTES[c & 0xff] +
			hex8(d)
		);
	}
}

/** '00' … 'ff': a table, because ids are made by the million. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex8(n: number): string {
	return HEX_BYTES[n >>> 24] + HEX_BYTES[(n >>> 16) & 0xff] + HEX_BYTES[(n >>> 8) & 0xff] + HEX_BYTES[n & 0xff];
}

/** Picks items in proportion to their weights; the cumulative table is built once. */
export class WeightedPicker<T> {
	private readonly cumulative: number[] = [];
	private readonly total: number;

	constructor(
		private readonly items: readonly T[],
		weightOf: (item: T) => number
	) {
		let sum = 0;
		for (const item of items) {
			sum += weightOf(item);
			this.cumulative.push(sum);
		}
		if (sum <= 0) throw new Error('weighted pick needs a positive total weight');
		this.total = sum;
	}

	pick(random: Random): T {
		const target = random.next() * this.total;
		let low = 0;
		let high = this.cumulative.length - 1;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.cumulative[mid] > target) high = mid;
			else low = mid + 1;
		}
		return this.items[low];
	}
}
