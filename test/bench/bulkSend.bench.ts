/**
 * Bulk send benchmark (issue 3): 2,000 messages through n8n-core to the emulator, limited like a
 * 360dialog number (80 messages per second) with 150 ms latency. Not a test: it prints a table.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { Emulator } from '../emulator/server';
import { freePort } from '../n8n/n8nHost';
import { requestJson } from '../support/http';
import { BULK_TEMPLATE, bulkTemplateRun, bulkTextRun, sentText, sentTexts } from '../support/bulk';
import { emulatorCredentials, runActionNode } from '../support/n8nCore';
import { SENTINEL_API_KEY } from '../support/sentinel';

export interface BulkSendResult {
	label: string;
	messages: number;
	wallSeconds: number;
	ceilingSeconds: number;
	lost: number;
	duplicated: number;
	rateLimited: number;
	errorItems: number;
}

/** The emulator, in this process or in a process of its own (so that it does not share the node's CPU). */
interface EmulatorHandle {
	baseUrl: string;
	sent(): Promise<Array<{ id: string; payload: Record<string, unknown> }>>;
	rateLimited(): Promise<number>;
	stop(): Promise<void>;
}

async function inProcessEmulator(limit: number, latencyMs: number): Promise<EmulatorHandle> {
	const emulator = new Emulator({
		apiKeys: [SENTINEL_API_KEY],
		messagesPerSecond: limit,
		latencyMs,
	});
	await emulator.start();
	emulator.templates.push(BULK_TEMPLATE);
	return {
		baseUrl: emulator.baseUrl,
		sent: async () => emulator.sent,
		rateLimited: async () => emulator.rateLimited,
		stop: async () => await emulator.stop(),
	};
}

async function separateEmulator(limit: number, latencyMs: number): Promise<EmulatorHandle> {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		['-r', 'ts-node/register/transpile-only', path.join(__dirname, '..', 'emulator', 'cli.ts')],
		{
			cwd: path.join(__dirname, '..', '..'),
			env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_API_KEY: SENTINEL_API_KEY },
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	await new Promise<void>((resolve, reject) => {
		child.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('listening')) resolve();
		});
		child.once('exit', (code) => reject(new Error(`the emulator process exited (${code})`)));
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	await requestJson(`${baseUrl}/__emulator/limits`, {
		method: 'POST',
		body: { latencyMs, messagesPerSecond: limit },
		idempotent: true,
	});
	await requestJson(`${baseUrl}/__emulator/templates`, {
		method: 'POST',
		body: BULK_TEMPLATE,
		idempotent: false,
	});
	const state = async () =>
		(
			await requestJson<{
				sent: Array<{ id: string; payload: Record<string, unknown> }>;
				rateLimited: number;
			}>(`${baseUrl}/__emulator/state`)
		).body;
	return {
		baseUrl,
		sent: async () => (await state()).sent,
		rateLimited: async () => (await state()).rateLimited,
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((resolve) => child.once('exit', resolve));
		},
	};
}

/**
 * The shortest time the run can take: the messages at the limit, and at least one answer time per
 * message to the busiest contact, whose messages go one after the other.
 */
function ceilingSeconds(messages: number, rate: number, latencyMs: number, contacts = messages) {
	return Math.max(messages / rate, (Math.ceil(messages / contacts) * latencyMs) / 1000);
}

export async function bulkSend(
	label: string,
	messages: number,
	options: Record<string, number>,
	limit = 80,
	latencyMs = 150,
	setup: {
		separateEmulator?: boolean;
		ceilingRate?: number;
		contacts?: number;
		/** Send BULK_TEMPLATE this way instead of texts. */
		templateThrough?: 'messages' | 'marketing_messages';
	} = {},
): Promise<BulkSendResult> {
	const emulator = setup.separateEmulator
		? await separateEmulator(limit, latencyMs)
		: await inProcessEmulator(limit, latencyMs);
	try {
		const started = Date.now();
		const { items, error } = await runActionNode({
			...(setup.templateThrough
				? bulkTemplateRun(messages, 'bench', options, setup.templateThrough, setup.contacts)
				: bulkTextRun(messages, 'bench', options, setup.contacts)),
			credentials: emulatorCredentials(emulator.baseUrl),
			continueOnFail: true,
		});
		const wallSeconds = (Date.now() - started) / 1000;
		if (error) throw error;
		const sent = await emulator.sent();
		const texts = sentTexts(sent);
		const distinct = new Set(texts);
		const sentIds = new Set(sent.map((message) => message.id));
		const confirmed = items.filter(
			(item) => typeof item.json.messageId === 'string' && sentIds.has(item.json.messageId),
		);
		// Nothing sent at all is a broken set-up (a key the emulator refuses), not a figure for the README.
		// An MM Lite row counts only messages MM Lite carried: one that fell back is no MM Lite figure.
		if (
			setup.templateThrough === 'marketing_messages' &&
			items.some((item) => item.json.messageId && item.json.sentThrough !== 'marketing_messages')
		)
			throw new Error('a message did not go through Marketing Messages Lite');
		if (confirmed.length === 0)
			throw new Error(
				`no message was sent; the first item says: ${JSON.stringify(items[0]?.json)}`,
			);
		// Messages to one contact go in item order: a run that breaks it gives no figure.
		const lastOf = new Map<unknown, number>();
		for (const message of sent) {
			const n = Number(sentText(message).split(' ')[1]);
			if (n < (lastOf.get(message.payload.to) ?? -1))
				throw new Error(`message ${n} to ${String(message.payload.to)} overtook an earlier one`);
			lastOf.set(message.payload.to, n);
		}
		return {
			label,
			messages,
			wallSeconds,
			ceilingSeconds: ceilingSeconds(
				messages,
				setup.ceilingRate ?? limit,
				latencyMs,
				setup.contacts,
			),
			lost: messages - distinct.size,
			duplicated: texts.length - distinct.size,
			rateLimited: await emulator.rateLimited(),
			errorItems: items.length - confirmed.length,
		};
	} finally {
		await emulator.stop();
	}
}
