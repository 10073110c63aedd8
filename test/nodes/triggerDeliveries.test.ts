import type { INodeParameters } from 'n8n-workflow';

import { DELIVERY_HEADER } from '../../nodes/Dialog360/trigger/registration';
import {
	BUSINESS,
	CONTACT,
	cloudDelivery,
	LIST_REPLY,
	MESSAGE_FIXTURES,
	STATUS_FIXTURES,
} from '../fixtures/webhooks';
import { messageTextOf } from '../../nodes/Dialog360/domain/messageText';
import { holdClock } from '../support/clock';
import { pngOfSize } from '../support/images';
import { useTriggers } from '../support/triggers';

const { fixture, trigger } = useTriggers();

describe('Trigger receiving deliveries', () => {
	async function activeTrigger(parameters: INodeParameters = {}) {
		const harness = await trigger(parameters);
		await harness.activate();
		return harness;
	}

	it.each(Object.entries(MESSAGE_FIXTURES))(
		'a %s message gives one item with the message as sent and the contact',
		async (type, message) => {
			const harness = await activeTrigger();
			const [status] = await fixture.emulator.deliver(
				cloudDelivery({ contacts: [CONTACT], messages: [message] }),
			);
			expect(status).toBe(200);
			expect(harness.executions).toHaveLength(1);
			const [item] = harness.executions[0];
			expect(item.json).toEqual({
				kind: 'message',
				message,
				text: messageTextOf(message),
				timestamp: '2023-11-14T22:13:20.000Z',
				contact: {
					key: '4915112345678',
					address: '4915112345678',
					userId: null,
					parentUserId: null,
					username: null,
					phoneNumber: '+4915112345678',
					waId: '4915112345678',
					profileName: 'Ada',
				},
				// A system message about a changed number says who the contact was and is.
				...(type === 'system'
					? { identityChange: expect.objectContaining({ change: 'phone_number' }) }
					: {}),
				businessPhoneNumberId: BUSINESS.phone_number_id,
				businessDisplayPhoneNumber: BUSINESS.display_phone_number,
				wabaId: 'WABA-1',
			});
			expect((item.json.message as { type: string }).type).toBe(type);
		},
	);

	it.each(Object.entries(STATUS_FIXTURES))(
		'a %s status gives one item with the status as sent',
		async (_name, status) => {
			const harness = await activeTrigger();
			await fixture.emulator.deliver(cloudDelivery({ statuses: [status] }));
			expect(harness.executions[0].map((item) => item.json)).toEqual([
				expect.objectContaining({
					kind: 'status',
					status,
					contact: expect.objectContaining({ phoneNumber: '+4915112345678' }),
				}),
			]);
		},
	);

	it('gives 50 items for a delivery with 50 statuses, and one per event in a mixed batch', async () => {
		const harness = await activeTrigger();
		const statuses = Array.from({ length: 50 }, (_, index) => ({
			...STATUS_FIXTURES.delivered,
			id: `wamid.batch${index}`,
		}));
		await fixture.emulator.deliver(cloudDelivery({ statuses }));
		expect(harness.executions[0]).toHaveLength(50);

		await fixture.emulator.deliver(
			cloudDelivery({
				contacts: [CONTACT],
				messages: [LIST_REPLY],
				statuses: [STATUS_FIXTURES.failed],
				errors: [{ code: 131000, title: 'Something went wrong' }],
			}),
		);
		expect(harness.executions[1].map((item) => item.json.kind)).toEqual([
			'message',
			'status',
			'error',
		]);
	});

	it('reads the legacy top-level format', async () => {
		const harness = await activeTrigger();
		await fixture.emulator.deliver({
			contacts: [CONTACT],
			messages: [
				{
					from: CONTACT.wa_id,
					id: 'ABGG1',
					timestamp: '1504902988',
					type: 'text',
					text: { body: 'hi' },
				},
			],
		});
		expect(harness.executions[0][0].json).toMatchObject({
			kind: 'message',
			message: { id: 'ABGG1' },
			contact: { profileName: 'Ada' },
			businessPhoneNumberId: null,
		});
	});

	it('answers 401 and starts nothing for a wrong or missing secret', async () => {
		const harness = await activeTrigger();
		const body = cloudDelivery({ contacts: [CONTACT], messages: [MESSAGE_FIXTURES.text] });
		expect((await harness.post(body, { [DELIVERY_HEADER]: 'wrong' })).status).toBe(401);
		expect((await harness.post(body)).status).toBe(401);
		expect(harness.executions).toHaveLength(0);
	});

	it('answers 400 and starts nothing for malformed JSON or an unknown shape', async () => {
		const harness = await activeTrigger();
		const secret = { [DELIVERY_HEADER]: fixture.emulator.webhook.headers[DELIVERY_HEADER] };
		expect(await harness.post('{"entry": [', secret)).toEqual({
			status: 400,
			body: { error: 'Malformed 360dialog delivery: the body is not a JSON object' },
		});
		expect((await harness.post({ hello: 'world' }, secret)).status).toBe(400);
		expect(harness.executions).toHaveLength(0);
	});

	it('starts no second execution for a redelivered event, but a new status of the same message is new', async () => {
		const harness = await activeTrigger();
		const delivery = cloudDelivery({
			contacts: [CONTACT],
			messages: [MESSAGE_FIXTURES.text],
			statuses: [STATUS_FIXTURES.delivered],
		});
		await fixture.emulator.deliver(delivery);
		await fixture.emulator.deliver(delivery);
		expect(harness.executions).toHaveLength(1);
		await fixture.emulator.deliver(cloudDelivery({ statuses: [STATUS_FIXTURES.read] }));
		expect(harness.executions).toHaveLength(2);
	});

	it('takes a redelivery for new when n8n could not store the first one, so 360dialog retries are not lost', async () => {
		const harness = await activeTrigger();
		const delivery = cloudDelivery({
			contacts: [CONTACT],
			messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.s1' }],
			statuses: [{ ...STATUS_FIXTURES.read, id: 'wamid.s2' }],
		});
		harness.storeFails = true;
		expect(await fixture.emulator.deliver(delivery)).toEqual([500]);
		harness.storeFails = false;
		expect(await fixture.emulator.deliver(delivery)).toEqual([200]);
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0]).toHaveLength(2);
		expect(await fixture.emulator.deliver(delivery)).toEqual([200]);
		expect(harness.executions).toHaveLength(1);
	});

	it('with Acknowledge "At Once" answers 200 before n8n stores the execution, so an event n8n fails to store is not redelivered', async () => {
		const harness = await activeTrigger({ options: { acknowledge: 'atOnce' } });
		const delivery = cloudDelivery({
			contacts: [CONTACT],
			messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.a1' }],
		});
		harness.storeFails = true;
		const status = await fixture.emulator.deliver(delivery);
		expect(status).toEqual([200]);
		harness.storeFails = false;
		expect(await fixture.emulator.deliver(delivery)).toEqual([200]);
		expect(harness.executions).toHaveLength(0);
		const [next] = await fixture.emulator.deliver(
			cloudDelivery({
				contacts: [CONTACT],
				messages: [{ ...MESSAGE_FIXTURES.text, id: 'wamid.a2' }],
			}),
		);
		expect(next).toBe(200);
		expect(
			(await harness.waitForExecutions(1))[0].map(
				(item) => (item.json.message as { id: string }).id,
			),
		).toEqual(['wamid.a2']);
	});

	it('filters by event, message type and status', async () => {
		const harness = await activeTrigger({
			events: ['message', 'status'],
			messageTypes: ['text'],
			statuses: ['read', 'failed'],
		});
		await fixture.emulator.deliver(
			cloudDelivery({
				contacts: [CONTACT],
				messages: [
					{ ...MESSAGE_FIXTURES.image, id: 'wamid.f1' },
					{ ...MESSAGE_FIXTURES.text, id: 'wamid.f2' },
				],
				statuses: [
					{ ...STATUS_FIXTURES.delivered, id: 'wamid.f3' },
					{ ...STATUS_FIXTURES.read, id: 'wamid.f4' },
				],
				errors: [{ code: 1, title: 'x' }],
			}),
		);
		expect(
			harness.executions[0]
				.map((item) => (item.json.message ?? item.json.status) as { id: string })
				.map((event) => event.id),
		).toEqual(['wamid.f2', 'wamid.f4']);
		const [status] = await fixture.emulator.deliver(
			cloudDelivery({ statuses: [{ ...STATUS_FIXTURES.sent, id: 'wamid.f5' }] }),
		);
		expect(status).toBe(200); // acknowledged, nothing started
		expect(harness.executions).toHaveLength(1);
	});

	it("leaves out echoes of the business's own messages, or gives them as items of their own kind when asked", async () => {
		const echoes = [
			cloudDelivery({
				messages: [
					{ ...MESSAGE_FIXTURES.text, id: 'wamid.echo1', from: BUSINESS.display_phone_number },
				],
			}),
			cloudDelivery(
				{
					message_echoes: [
						{
							from: BUSINESS.display_phone_number,
							to: CONTACT.wa_id,
							id: 'wamid.echo2',
							timestamp: '1700000009',
							type: 'text',
							text: { body: 'A person answers now' },
						},
					],
				},
				'smb_message_echoes',
			),
		];
		const harness = await activeTrigger();
		for (const delivery of echoes) await fixture.emulator.deliver(delivery);
		expect(harness.executions).toHaveLength(0);

		const withEchoes = await activeTrigger({ events: ['message', 'echo'] });
		for (const delivery of echoes) await fixture.emulator.deliver(delivery);
		expect(withEchoes.executions.map((items) => items[0].json)).toEqual([
			expect.objectContaining({ kind: 'echo', text: 'hello' }),
			expect.objectContaining({
				kind: 'echo',
				text: 'A person answers now',
				timestamp: '2023-11-14T22:13:29.000Z',
				contact: expect.objectContaining({ key: CONTACT.wa_id }),
			}),
		]);
	});

	it("merges one contact's messages within the window into one item, answered at once; after the window, a new execution", async () => {
		const harness = await activeTrigger({ options: { mergeSeconds: 3 } });
		const clock = holdClock(); // still while the messages arrive, however slowly; then past the 3 s
		const text = (id: string, body: string, contact = CONTACT) =>
			cloudDelivery({
				contacts: [contact],
				messages: [{ ...MESSAGE_FIXTURES.text, id, from: contact.wa_id, text: { body } }],
			});
		const answers: number[] = [];
		for (const [id, body] of [
			['wamid.b1', 'hi'],
			['wamid.b2', 'I need'],
			['wamid.b3', 'help with my order'],
		])
			answers.push(...(await fixture.emulator.deliver(text(id, body))));
		// Another contact in the same seconds is a burst of its own.
		const other = { profile: { name: 'Bob' }, wa_id: '4915100000000' };
		answers.push(...(await fixture.emulator.deliver(text('wamid.o1', 'hello', other))));
		expect(answers).toEqual([200, 200, 200, 200]);
		clock.advance(3_000);
		const executions = await harness.waitForExecutions(2, 20_000);
		const items = executions.map((run) => run[0].json);
		const ada = items.find((item) => (item.contact as { key: string }).key === CONTACT.wa_id);
		expect(executions.map((run) => run.length)).toEqual([1, 1]);
		expect(ada).toMatchObject({
			kind: 'message',
			text: 'hi\nI need\nhelp with my order',
			message: expect.objectContaining({ id: 'wamid.b3' }),
		});
		expect((ada?.messages as Array<{ id: string }>).map((message) => message.id)).toEqual([
			'wamid.b1',
			'wamid.b2',
			'wamid.b3',
		]);
		expect(items.find((item) => item !== ada)).toMatchObject({ text: 'hello' });

		await fixture.emulator.deliver(text('wamid.b4', 'thanks'));
		clock.advance(3_000);
		await harness.waitForExecutions(3, 20_000);
		expect(harness.executions[2][0].json).toMatchObject({
			text: 'thanks',
			messages: [expect.anything()],
		});
	});

	it('downloads inbound media into the item when asked, after acknowledging', async () => {
		const photo = pngOfSize(50, 50);
		fixture.emulator.media.set('777', { id: '777', mimeType: 'image/png', data: photo });
		const harness = await activeTrigger({ options: { downloadMedia: true } });
		const [status] = await fixture.emulator.deliver(
			cloudDelivery({
				contacts: [CONTACT],
				messages: [
					{
						...MESSAGE_FIXTURES.image,
						id: 'wamid.m1',
						image: { id: '777', mime_type: 'image/png' },
					},
					{ ...MESSAGE_FIXTURES.text, id: 'wamid.m2' },
				],
			}),
		);
		expect(status).toBe(200);
		const [image, text] = (await harness.waitForExecutions(1))[0];
		expect(Buffer.from(image.binary?.data.data ?? '', 'base64').equals(photo)).toBe(true);
		expect(image.binary?.data.mimeType).toBe('image/png');
		expect(text.binary).toBeUndefined();
	});
});
