/**
 * Bulk send benchmark (issue 3): 2,000 messages through n8n-core to the emulator, limited like a
 * 360dialog number (80 messages per second) with 150 ms latency. Not a test: it prints a table.
 */
import { Emulator } from '../emulator/server';
import { bulkTextRun, sentTexts } from '../support/bulk';
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

export async function bulkSend(
	label: string,
	messages: number,
	options: Record<string, number>,
	limit = 80,
	latencyMs = 150,
): Promise<BulkSendResult> {
	const emulator = new Emulator({
		apiKeys: [SENTINEL_API_KEY],
		messagesPerSecond: limit,
		latencyMs,
	});
	await emulator.start();
	try {
		const started = Date.now();
		const { items, error } = await runActionNode({
			...bulkTextRun(messages, 'bench', options),
			credentials: emulatorCredentials(emulator.baseUrl),
			continueOnFail: true,
		});
		const wallSeconds = (Date.now() - started) / 1000;
		if (error) throw error;
		const texts = sentTexts(emulator.sent);
		const distinct = new Set(texts);
		const sentIds = new Set(emulator.sent.map((message) => message.id));
		const confirmed = items.filter(
			(item) => typeof item.json.messageId === 'string' && sentIds.has(item.json.messageId),
		);
		// Nothing sent at all is a broken set-up (a key the emulator refuses), not a figure for the README.
		if (confirmed.length === 0)
			throw new Error(
				`no message was sent; the first item says: ${JSON.stringify(items[0]?.json)}`,
			);
		return {
			label,
			messages,
			wallSeconds,
			ceilingSeconds: messages / limit,
			lost: messages - distinct.size,
			duplicated: texts.length - distinct.size,
			rateLimited: emulator.rateLimited,
			errorItems: items.length - confirmed.length,
		};
	} finally {
		await emulator.stop();
	}
}
