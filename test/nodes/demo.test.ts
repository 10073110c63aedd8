/**
 * The demo a new user meets in `npm run dev`: the emulator's templates work with Send Template's
 * generated fields, List shows the rejected and paused ones as such, and every sample event of
 * `npm run emulator -- deliver <kind>` reaches the trigger as items.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import type { ResourceMapperFields } from 'n8n-workflow';

import { SAMPLE_EVENTS } from '../emulator/demo';
import { useEmulator } from '../support/emulatorFixture';
import { mapperValue } from '../support/mapper';
import { callNodeMethod, emulatorCredentials, runActionNode } from '../support/n8nCore';
import { TriggerHarness } from '../support/triggerHarness';

const fixture = useEmulator();
const ROOT = path.resolve(__dirname, '..', '..');

beforeEach(() => fixture.emulator.seedDemoTemplates());

describe('the demo templates', () => {
	it('List shows each with its status, the rejected one with its reason', async () => {
		const { items } = await runActionNode({
			parameters: { resource: 'template', operation: 'list', returnAll: true },
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		const byName = Object.fromEntries(items.map((item) => [item.json.name, item.json]));
		expect(Object.keys(byName)).toEqual(
			expect.arrayContaining([
				'order_shipped',
				'welcome_named',
				'spring_sale',
				'store_visit',
				'login_code',
				'welcome_back',
				'black_friday',
				'appointment_reminder',
			]),
		);
		expect(byName.black_friday).toMatchObject({
			status: 'REJECTED',
			rejectionReason: 'TAG_CONTENT_MISMATCH',
		});
		expect(byName.appointment_reminder).toMatchObject({ status: 'PAUSED' });
	});

	it.each([
		[
			'order_shipped|en_US',
			['header_image', 'body_1', 'body_2', 'button_0_url', 'button_1_payload'],
		],
		['welcome_named|en', ['header_first_name', 'body_first_name', 'body_member_id']],
		['spring_sale|en', ['body_1', 'body_2', 'button_0_coupon_code']],
		[
			'store_visit|en',
			[
				'header_latitude',
				'header_longitude',
				'header_location_name',
				'header_location_address',
				'body_1',
			],
		],
		['login_code|en', ['body_1']],
	])('Send Template generates the fields of %s', async (template, expected) => {
		const { fields } = await callNodeMethod<ResourceMapperFields>(
			'resourceMapping',
			'getTemplateParameters',
			{
				resource: 'message',
				operation: 'sendTemplate',
				template: { __rl: true, mode: 'list', value: template },
			},
			emulatorCredentials(fixture.baseUrl),
		);
		expect(fields.map((field) => field.id).sort()).toEqual([...expected].sort());
	});

	it('an authentication template takes its code once and sends it in the body and the copy-code button', async () => {
		const { error } = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				to: '+4915112345678',
				template: { __rl: true, mode: 'list', value: 'login_code|en' },
				templateParameters: mapperValue({ body_1: '482913' }),
			},
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		expect(error).toBeUndefined();
		expect(
			(fixture.emulator.sent[0].payload.template as { components: unknown }).components,
		).toEqual([
			{ type: 'body', parameters: [{ type: 'text', text: '482913' }] },
			{
				type: 'button',
				sub_type: 'url',
				index: '0',
				parameters: [{ type: 'text', text: '482913' }],
			},
		]);
	});
});

describe('sample events for the trigger', () => {
	let harness: TriggerHarness;

	beforeEach(async () => {
		harness = new TriggerHarness(
			{ events: ['message', 'status', 'error', 'identityChange'] },
			emulatorCredentials(fixture.baseUrl),
			{ workflowId: `demo-${Date.now()}` },
		);
		await harness.start();
		await harness.activate();
	});
	afterEach(async () => await harness.stop());

	const WAIT_SAMPLES = ['approve', 'decline', 'answer'];

	it.each(Object.keys(SAMPLE_EVENTS).filter((kind) => !WAIT_SAMPLES.includes(kind)))(
		'"%s" starts one execution',
		async (kind) => {
			const statuses = await fixture.emulator.deliverSample(kind);
			expect(statuses).toEqual([200]);
			expect(harness.executions).toHaveLength(1);
			expect(harness.executions[0].length).toBeGreaterThan(0);
		},
	);

	it('"approve" and "answer" answer the last Send and Wait question, resuming its execution', async () => {
		const ask = async (executionId: string, parameters: Record<string, unknown>) => {
			const run = await runActionNode({
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					to: '+447700900123',
					...parameters,
				},
				credentials: emulatorCredentials(fixture.baseUrl),
				executionId,
				webhookWaitingBaseUrl: harness.waitingBaseUrl,
			});
			expect(run.error).toBeUndefined();
			harness.waitingExecutions.add(executionId);
		};
		await expect(fixture.emulator.deliverSample('approve')).rejects.toThrow(
			'No Send and Wait question',
		);
		await ask('1', { responseType: 'approval', message: 'Approve?' });
		expect(await fixture.emulator.deliverSample('approve')).toEqual([200]);
		await ask('2', { responseType: 'freeText', message: 'Which day?' });
		expect(await fixture.emulator.deliverSample('answer')).toEqual([200, 200]);
		expect(
			harness.resumed.map(({ executionId, items }) => [
				executionId,
				items[0].json.answer,
				items[0].json.text,
			]),
		).toEqual([
			['1', 'approve', '✓ Approve'],
			['2', 'text', 'Friday'],
		]);
		// Sample events carry the current time, not the fixtures' 2023 one.
		for (const { items } of harness.resumed)
			expect(Date.now() - Date.parse(String(items[0].json.respondedAt))).toBeLessThan(10 * 60_000);
		// The answers started no workflow; the status of the question did (the trigger listens to statuses).
		expect(harness.executions.map((items) => items[0].json.kind)).toEqual(['status']);
	});

	it('every sample carries the current time', () => {
		const before = Math.floor(Date.now() / 1000);
		for (const [kind, sample] of Object.entries(SAMPLE_EVENTS)) {
			// An error about the number has no time; the answers are checked above.
			if (kind === 'error' || WAIT_SAMPLES.includes(kind)) continue;
			const times = (
				JSON.stringify(sample.build('wamid.x', [])).match(/"timestamp":"\d+"/g) ?? []
			).map((field) => Number(field.replace(/\D/g, '')));
			expect([kind, times.length > 0 && times.every((time) => time >= before)]).toEqual([
				kind,
				true,
			]);
		}
	});

	it('a status sample names the last message sent through the emulator', async () => {
		const sent = await runActionNode({
			parameters: {
				resource: 'message',
				operation: 'send',
				to: '+4915112345678',
				messageType: 'text',
				text: 'Hi',
			},
			credentials: emulatorCredentials(fixture.baseUrl),
		});
		await fixture.emulator.deliverSample('delivered');
		expect(harness.executions[0][0].json.status).toMatchObject({
			id: sent.items[0].json.messageId,
			status: 'delivered',
		});
	});

	it('npm run emulator -- deliver text reaches the trigger; without a kind it lists them', async () => {
		const run = promisify(execFile);
		const cli = ['--transpile-only', path.join(ROOT, 'test/emulator/cli.ts'), 'deliver'];
		const env = { ...process.env, EMULATOR_URL: fixture.baseUrl };
		const delivered = await run(path.join(ROOT, 'node_modules/.bin/ts-node'), [...cli, 'text'], {
			env,
		});
		expect(delivered.stdout).toContain('Delivered "text": the webhook answered 200');
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0][0].json).toMatchObject({ kind: 'message' });

		const listed = await run(path.join(ROOT, 'node_modules/.bin/ts-node'), cli, { env });
		for (const kind of Object.keys(SAMPLE_EVENTS)) expect(listed.stdout).toContain(kind);
	});

	it('says what to do when no trigger is registered', async () => {
		await harness.deactivate();
		fixture.emulator.webhook = { url: '', headers: {} };
		const run = promisify(execFile);
		await expect(
			run(
				path.join(ROOT, 'node_modules/.bin/ts-node'),
				['--transpile-only', path.join(ROOT, 'test/emulator/cli.ts'), 'deliver', 'text'],
				{ env: { ...process.env, EMULATOR_URL: fixture.baseUrl } },
			),
		).rejects.toMatchObject({ stderr: expect.stringContaining('No webhook is registered') });
	});
});
