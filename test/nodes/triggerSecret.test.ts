/**
 * The trigger's delivery secret stays out of what n8n stores: it is derived from the trigger's identity
 * and the API key, and only its SHA-256 is kept in the static data (n8n 2.8 copies static data into
 * every stored execution). Deliveries are taken even when another execution dropped that copy; a plain
 * secret kept by 0.1.0 still works until the next activation registers the derived one. And the answer
 * to a delivery is not the text "firstEntryJson".
 */
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { DELIVERY_HEADER } from '../../nodes/Dialog360/trigger/registration';
import { CONTACT, cloudDelivery, MESSAGE_FIXTURES } from '../fixtures/webhooks';
import { useEmulator } from '../support/emulatorFixture';
import { emulatorCredentials } from '../support/n8nCore';
import { TriggerHarness } from '../support/triggerHarness';

const fixture = useEmulator();
let harness: TriggerHarness;
let workflows = 0;
const NODE_STATE = 'node:360dialog WhatsApp Trigger';
const state = () => harness.staticData[NODE_STATE] as IDataObject;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const registered = () => fixture.emulator.webhook.headers[DELIVERY_HEADER];
const delivery = cloudDelivery({ contacts: [CONTACT], messages: [MESSAGE_FIXTURES.text] });

beforeEach(async () => {
	harness = new TriggerHarness({ events: ['message'] }, emulatorCredentials(fixture.baseUrl), {
		workflowId: `secret-${++workflows}`,
	});
	await harness.start();
});

afterEach(async () => {
	await harness.stop();
});

describe('the delivery secret', () => {
	it('is kept as its hash only; deliveries with it are taken, others refused; a restart keeps it', async () => {
		await harness.activate();
		const secret = registered();
		expect(secret).toMatch(/^[0-9a-f]{48}$/);
		expect(JSON.stringify(harness.staticData)).not.toContain(secret);
		expect(state()).toMatchObject({ secretHash: sha256(secret) });
		expect(state()).not.toHaveProperty('secret');

		expect((await harness.post(delivery, { [DELIVERY_HEADER]: secret })).status).toBe(200);
		expect((await harness.post(delivery, { [DELIVERY_HEADER]: sha256(secret) })).status).toBe(401);
		expect(harness.executions).toHaveLength(1);
		// n8n starting again: the registration is found by its hash, and nothing is registered anew.
		expect(await harness.checkExists()).toBe(true);
		await harness.activate();
		expect(registered()).toBe(secret);
	});

	it('a delivery is taken after another execution wrote the static data back without it', async () => {
		// n8n 2.40+ queue workers run without the workflow's static data and write their own copy back
		// whole when an execution changed it: the trigger's part is gone then.
		await harness.activate();
		const secret = registered();
		for (const key of Object.keys(harness.staticData)) delete harness.staticData[key];
		harness.staticData.global = { counted: 1 };
		expect((await harness.post(delivery, { [DELIVERY_HEADER]: secret })).status).toBe(200);
		expect((await harness.post(delivery, { [DELIVERY_HEADER]: 'f'.repeat(48) })).status).toBe(401);
		expect((await harness.post(delivery, {})).status).toBe(401);
		// n8n starting again finds the registration without its hash, and registers nothing anew.
		expect(await harness.checkExists()).toBe(true);
		expect(fixture.emulator.requestsTo('POST', '/v1/configs/webhook')).toHaveLength(1);
	});

	it('another workflow has another secret', async () => {
		await harness.activate();
		const secret = registered();
		await harness.stop();
		harness = new TriggerHarness({ events: ['message'] }, emulatorCredentials(fixture.baseUrl), {
			workflowId: `secret-${++workflows}`,
		});
		await harness.start();
		await harness.activate();
		expect(registered()).toMatch(/^[0-9a-f]{48}$/);
		expect(registered()).not.toBe(secret);
		expect((await harness.post(delivery, { [DELIVERY_HEADER]: secret })).status).toBe(401);
	});

	it('a plain secret kept by an earlier version still works, and activation registers the derived one', async () => {
		await harness.activate();
		const derived = registered();
		// What 0.1.0 kept and registered: a random secret.
		const drawn = 'a'.repeat(48);
		fixture.emulator.webhook.headers[DELIVERY_HEADER] = drawn;
		delete state().secretHash;
		state().secret = drawn;
		expect((await harness.post(delivery, { [DELIVERY_HEADER]: drawn })).status).toBe(200);
		expect(state()).toMatchObject({ secretHash: sha256(drawn) });
		expect(state()).not.toHaveProperty('secret');

		// n8n starting again: the drawn secret is not this trigger's own, so it is registered anew.
		expect(await harness.checkExists()).toBe(false);
		await harness.activate();
		expect(registered()).toBe(derived);
		expect(state()).toMatchObject({ secretHash: sha256(derived) });
		expect((await harness.post(delivery, { [DELIVERY_HEADER]: derived })).status).toBe(200);
	});
});

describe("the trigger's answer to 360dialog", () => {
	it('is an empty 200 once the execution is stored, not the text "firstEntryJson"', async () => {
		await harness.activate();
		expect(await harness.post(delivery, { [DELIVERY_HEADER]: registered() })).toEqual({
			status: 200,
			body: '',
		});
		expect(harness.executions).toHaveLength(1);
	});
});
