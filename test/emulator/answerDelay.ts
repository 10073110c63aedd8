import { seededRandom } from '../support/random';

/**
 * Random answer times for the emulator, the same for every run with one seed: each request waits
 * between 0 and `maxMs` more before it is processed and answered.
 */
export class AnswerDelay {
	private readonly random: () => number;

	constructor(
		readonly maxMs: number,
		seed: number,
	) {
		this.random = seededRandom(seed);
	}

	nextMs(): number {
		return Math.floor(this.random() * this.maxMs);
	}
}
