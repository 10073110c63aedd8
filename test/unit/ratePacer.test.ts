import { paceClock, PACE_RULES, RatePacer } from '../../nodes/Dialog360/transport/pacer';

describe('the pace follows what 360dialog accepts', () => {
	afterEach(() => jest.restoreAllMocks());

	it('settles just under the rate accepted in the last second after a rate-limit answer', () => {
		const pacer = new RatePacer(80);
		const start = 1_000_000;
		// 40 accepted within the last second (counted in tenths of a second), then "too many".
		for (let index = 0; index < 40; index++) pacer.succeeded(start + 100 + index * 22.5);
		pacer.rateLimited(start + 1000);
		expect(pacer.currentRate).toBeCloseTo(40 * PACE_RULES.margin, 5);
	});

	it('slows down once per calm period, whatever the answers already in flight say', () => {
		const pacer = new RatePacer(80);
		const start = 2_000_000;
		for (let index = 0; index < 40; index++) pacer.succeeded(start + index * 25);
		pacer.rateLimited(start + 1000);
		const settled = pacer.currentRate;
		pacer.rateLimited(start + 1010);
		pacer.rateLimited(start + 1500);
		expect(pacer.currentRate).toBe(settled);
	});

	it('climbs back, faster the longer no limit was met, and never above the configured rate', () => {
		const pacer = new RatePacer(80);
		const start = 3_000_000;
		for (let index = 0; index < 40; index++) pacer.succeeded(start + index * 25);
		pacer.rateLimited(start + 1000);
		const low = pacer.currentRate;
		let now = start + 1000;
		for (let second = 0; second < 5; second++)
			for (let index = 0; index < 38; index++) {
				pacer.heldBack(now);
				pacer.succeeded((now += 1000 / 38));
			}
		const afterFive = pacer.currentRate;
		expect(afterFive).toBeGreaterThan(low);
		for (let second = 0; second < 60; second++)
			for (let index = 0; index < 40; index++) {
				pacer.heldBack(now);
				pacer.succeeded((now += 25));
			}
		expect(pacer.currentRate).toBe(80);
	});

	it('does not climb while the sending, not the pace, is what limits', () => {
		const pacer = new RatePacer(80);
		const start = 4_000_000;
		for (let index = 0; index < 40; index++) pacer.succeeded(start + 100 + index * 22.5);
		pacer.rateLimited(start + 1000);
		const settled = pacer.currentRate;
		let now = start + 1000;
		for (let index = 0; index < 400; index++) pacer.succeeded((now += 50));
		expect(pacer.currentRate).toBe(settled);
	});

	it("tells how late its waits end, the process's own delay, and forgets it a second after the last wait", async () => {
		let now = 5_000_000;
		const sleepers: Array<() => void> = [];
		jest.spyOn(paceClock, 'now').mockImplementation(() => now);
		jest
			.spyOn(paceClock, 'sleep')
			.mockImplementation(async () => await new Promise<void>((wake) => sleepers.push(wake)));
		const settle = async () => await new Promise((resolve) => setImmediate(resolve));
		const pacer = new RatePacer(100); // a slot every 10 ms
		const sends = Array.from({ length: 5 }, async () => await pacer.acquire());
		await settle();
		expect(sleepers).toHaveLength(4);
		expect(pacer.lateMs()).toBe(0);
		// The process pauses for 200 ms (a garbage collection): the four waits end 160–190 ms late.
		now += 200;
		for (const wake of sleepers.splice(0)) wake();
		await Promise.all(sends);
		expect(pacer.lateMs()).toBeGreaterThan(PACE_RULES.busyLateMs);
		now += 1001;
		expect(pacer.lateMs()).toBe(0);
	});

	it('without a configured rate, nothing is paced or changed', async () => {
		const pacer = new RatePacer(0);
		pacer.rateLimited();
		pacer.succeeded();
		expect(pacer.currentRate).toBe(0);
		await pacer.acquire();
	});
});
