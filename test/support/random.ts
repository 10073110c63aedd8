/** A seeded pseudo-random sequence in [0, 1) (a linear congruential generator): one seed, one run. */
export function seededRandom(seed: number): () => number {
	let state = seed;
	return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
