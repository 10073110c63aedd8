/**
 * Bulk send benchmark (issue 3): 2,000 messages through n8n-core to the emulator, limited like a
 * 360dialog number (80 messages per second) with 150 ms latency. Not a test: it prints a table.
 */
import { Emulator } from '../emulator/server';
import { bulkTextRun, sentTexts } from '../support/bulk';
import { emulatorCredentials, runActionNode } from '../support/n8nCore';

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

export async function bulkSend(label: string, messages: number, options: Record<string, number>, limit = 80, latencyMs = 150): Promise<BulkSendResult> {
	const emulator = new Emulator({ messagesPerSecond: limit, latencyMs });
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
		const confirmed = items.filter((item) => typeof item.json.messageId === 'string' && sentIds.has(item.json.messageId));
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
