/**
 * A small seeded PRNG (sfc32, seeded through a string hash) so that every mutant is reproducible
 * from `(seed, iteration)` alone, independently of the mutants before it and of how the run was
 * split between workers.
 */

/** 32-bit hash of a string (cyrb53-style mixing, truncated). */
function hash(text: string, salt: number): number {
    let h1 = 0xdeadbeef ^ salt;
    let h2 = 0x41c6ce57 ^ salt;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h1 ^ h2) >>> 0;
}

export class Rng {
    private a: number;
    private b: number;
    private c: number;
    private d: number;

    constructor(key: string) {
        this.a = hash(key, 1);
        this.b = hash(key, 2);
        this.c = hash(key, 3);
        this.d = hash(key, 4);
        for (let i = 0; i < 12; i++) {
            this.next();
        }
    }

    /** A float in [0, 1). */
    next(): number {
        this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
        const t = (this.a + this.b) | 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) | 0;
        this.c = (this.c << 21) | (this.c >>> 11);
        this.d = (this.d + 1) | 0;
        const r = (t + this.d) | 0;
        this.c = (this.c + r) | 0;
        return (r >>> 0) / 4294967296;
    }

    /** An integer in [0, n) (0 when n <= 0). */
    int(n: number): number {
        return n <= 0 ? 0 : Math.floor(this.next() * n);
    }

    /** An integer in [min, max]. */
    range(min: number, max: number): number {
        return min + this.int(max - min + 1);
    }

    chance(p: number): boolean {
        return this.next() < p;
    }

    pick<T>(items: readonly T[]): T {
        if (items.length === 0) {
            throw new Error('pick from an empty list');
        }
        return items[this.int(items.length)];
    }

    /** One item, chosen with probability proportional to its weight. */
    weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
        const total = items.reduce((sum, [, w]) => sum + w, 0);
        let at = this.next() * total;
        for (const [item, weight] of items) {
            at -= weight;
            if (at < 0) {
                return item;
            }
        }
        return items[items.length - 1][0];
    }

    /** A derived generator, for a sub-task that must not disturb this one's sequence. */
    fork(label: string): Rng {
        return new Rng(`${label}:${this.int(0x7fffffff)}`);
    }
}
