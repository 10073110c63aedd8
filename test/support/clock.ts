/**
 * A clock the test moves: Date.now held at the moment of the call until `advance` moves it, so that
 * a time window in the code under test does not depend on how fast a loaded machine runs the test.
 * Timers (setTimeout, n8n's sleep) keep running in real time. Undone by jest.restoreAllMocks().
 */
export function holdClock(): { advance(ms: number): void } {
	let now = Date.now();
	jest.spyOn(Date, 'now').mockImplementation(() => now);
	return {
		advance(ms: number) {
			now += ms;
		},
	};
}
