/**
 * The trigger's delivery secret stays out of what n8n stores: only its SHA-256 is kept in the static
 * data (n8n 2.8 copies static data into every stored execution); a plain secret kept by 0.1.0 still
 * works and is replaced by its hash. And the answer to a delivery is not the text "firstEntryJson".
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

	it('a plain secret kept by an earlier version still works and is replaced by its hash', async () => {
		await harness.activate();
		const secret = registered();
		// What 0.1.0 kept.
		delete state().secretHash;
		state().secret = secret;
		expect((await harness.post(delivery, { [DELIVERY_HEADER]: secret })).status).toBe(200);
		expect(state()).toMatchObject({ secretHash: sha256(secret) });
		expect(state()).not.toHaveProperty('secret');

		// The same at activation, before any delivery.
		delete state().secretHash;
		state().secret = secret;
		expect(await harness.checkExists()).toBe(true);
		expect(state()).toMatchObject({ secretHash: sha256(secret) });
		expect(state()).not.toHaveProperty('secret');
		expect((await harness.post(delivery, { [DELIVERY_HEADER]: secret })).status).toBe(200);
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
