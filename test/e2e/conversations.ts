/**
 * Send and Wait under load in a real n8n, run for each line and mode by the *.test.ts files next to
 * it: 50 Free Text questions sent at once (one execution each), their statuses delivered to the
 * trigger at once, then the 50 answers at once. Every execution must resume with its own answer, and
 * each contact's next text must reach the chatbot as a plain message. n8n hands each delivery its own
 * copy of the trigger's static data and writes it back whole, which lost waits and answered marks
 * before the trigger merged its state (issue 26).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Emulator } from '../emulator/server';
import { textFrom } from '../fixtures/webhooks';
import { recordFigure } from '../support/figures';
import { requestJson } from '../support/http';
import { SENTINEL_API_KEY } from '../support/sentinel';
import {
	ownerSession,
	prepareUserFolder,
	startInMode,
	type N8nInstance,
	type N8nLine,
} from '../n8n/n8nHost';
import { nodeOutput, publicApi, waitFor } from './harness';

const QUESTIONS = 50;
const ASK = 'conversationAsk1';
const CHAT = 'conversationChat';

interface Execution {
	id: string;
	status: string;
}

export function describeConversations(line: N8nLine, mode: 'regular' | 'queue'): void {
	jest.setTimeout(30 * 60_000);

	describe(`conversations in a real n8n ${line.version} (${mode} mode)`, () => {
		const emulator = new Emulator({ apiKeys: [SENTINEL_API_KEY] });
		const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-360dialog-conversations-'));
		let n8n: N8nInstance;

		beforeAll(async () => {
			const baseUrl = await emulator.start();
			const userFolder = prepareUserFolder(work, line, {
				credentials: [
					{
						id: 'convCredential01',
						name: '360dialog emulator',
						type: 'dialog360Api',
						data: { apiKey: SENTINEL_API_KEY, environment: 'custom', baseUrl },
					},
				],
				workflows: [
					{ file: path.join(__dirname, 'workflows', 'conversation-ask.json'), id: ASK },
					{ file: path.join(__dirname, 'workflows', 'conversation-chat.json'), id: CHAT },
				],
			});
			n8n = await startInMode(userFolder, line, mode);
			await waitFor(() => (emulator.webhook.url ? true : undefined));
		});

		afterAll(async () => {
			if (n8n) writeFileSync(path.join(work, 'n8n.log'), n8n.logs.join(''));
			await n8n?.stop();
			await emulator.stop();
		});

		/** A workflow's executions with a status, through the editor's API (2.8's public API lists no waiting ones). */
		const executionsOf = async (workflowId: string, status: string): Promise<Execution[]> => {
			const { cookie } = await ownerSession(n8n.url);
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const list = await requestJson<{ data: { results: Execution[] } }>(
				`${n8n.url}/rest/executions?filter=${filter}&limit=100`,
				{ headers: { cookie } },
			);
			return list.body.data.results.filter((execution) => execution.status === status);
		};
		const count = async (
			workflowId: string,
			status: string,
			expected: number,
			timeoutMs = 120_000,
		) =>
			(
				await waitFor(async () => {
					const found = await executionsOf(workflowId, status);
					return found.length >= expected ? found : undefined;
				}, timeoutMs)
			)?.length ?? (await executionsOf(workflowId, status)).length;

		/**
		 * Delivers every body at once, each on its own connection, and again while the trigger does not
		 * answer 200, as WhatsApp retries a failed delivery "with decreasing frequency until the request
		 * succeeds, for up to 7 days" (Meta, Cloud API webhooks:
		 * https://developers.facebook.com/docs/whatsapp/cloud-api/guides/set-up-webhooks): here 8
		 * attempts, 1 s after the first and doubling, about 2 minutes in all. Gives the last answer of
		 * each, and records how many needed another try.
		 */
		const deliverAll = async (what: string, bodies: unknown[]) => {
			const firstTries: Array<number | string> = [];
			const last = await Promise.all(
				bodies.map(async (body) => {
					let status: number | string = 'not sent';
					for (let attempt = 0; attempt < 8 && status !== 200; attempt++) {
						if (attempt > 0)
							await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (attempt - 1)));
						[status] = await emulator.deliver(body);
						if (attempt === 0) firstTries.push(status);
					}
					return status;
				}),
			);
			const retried = firstTries.filter((status) => status !== 200);
			recordFigure(
				`conversations, n8n ${line.version} ${mode} mode`,
				`${what}: ${bodies.length} deliveries at once, ${retried.length} delivered again (first answers ${JSON.stringify(retried)})`,
			);
			return last;
		};
		/** What a node gave in every successful execution of a workflow. */
		const outputsOf = async <T>(workflowId: string, nodeName: string) => {
			const list = await publicApi<{ data: Execution[] }>(
				n8n,
				`/executions?workflowId=${workflowId}&status=success&limit=100`,
			);
			const outputs = await Promise.all(
				list.data.map(async (execution) => await nodeOutput<T>(n8n, execution.id, nodeName)),
			);
			return outputs.flat();
		};

		// Queue mode runs on PostgreSQL (n8nHost's startQueueCluster): on one SQLite file shared by the
		// main, worker and webhook processes, a worker failed one of 50 resumed executions with n8n's own
		// "SQLITE_BUSY: database is locked" (2.41.1), a setup n8n does not support (see postgres.ts).
		it(`${QUESTIONS} Free Text questions at once, their statuses and answers delivered at once: each execution resumes with its own answer, and later texts are plain messages`, async () => {
			expect(emulator.webhook.url).toContain('/webhook/');
			const contacts = Array.from({ length: QUESTIONS }, (_, index) => `491511234${1000 + index}`);
			const asked = await Promise.all(
				contacts.map(
					async (contact, index) =>
						await requestJson(`${n8n.webhookUrl}/webhook/ask-free-text`, {
							method: 'POST',
							idempotent: false,
							body: {
								to: `+${contact}`,
								question: `Question ${index}: which day suits you?`,
							},
						}),
				),
			);
			expect(asked.map((response) => response.status)).toEqual(contacts.map(() => 200));
			expect(await count(ASK, 'waiting', QUESTIONS)).toBe(QUESTIONS);
			const questions = emulator.sent.filter((message) =>
				String(message.payload.biz_opaque_callback_data).startsWith('n8nwait:p:t:'),
			);
			expect(questions).toHaveLength(QUESTIONS);

			const statuses = await deliverAll(
				'statuses',
				questions.flatMap((question) => [
					emulator.statusDelivery(question.id, 'sent'),
					emulator.statusDelivery(question.id, 'delivered'),
				]),
			);
			expect(statuses).toEqual(statuses.map(() => 200));

			const answers = await deliverAll(
				'answers',
				contacts.map((contact, index) =>
					textFrom(`wamid.conv.answer${index}`, `Answer ${index}: Friday`, { waId: contact }),
				),
			);
			expect(answers).toEqual(answers.map(() => 200));

			expect(await count(ASK, 'success', QUESTIONS)).toBe(QUESTIONS);
			const outputs = await outputsOf<{ text: string; respondedBy: { waId: string } }>(
				ASK,
				'Wait for Answer',
			);
			expect(
				Object.fromEntries(
					outputs.map((output) => [output.json.respondedBy.waId, output.json.text]),
				),
			).toEqual(
				Object.fromEntries(contacts.map((contact, index) => [contact, `Answer ${index}: Friday`])),
			);
			// No answer reached the chatbot.
			expect(await executionsOf(CHAT, 'success')).toHaveLength(0);

			const later = await deliverAll(
				'later texts',
				contacts.map((contact, index) =>
					textFrom(`wamid.conv.later${index}`, `Later ${index}: thanks`, { waId: contact }),
				),
			);
			expect(later).toEqual(later.map(() => 200));
			expect(await count(CHAT, 'success', QUESTIONS)).toBe(QUESTIONS);
			const items = await outputsOf<Record<string, unknown>>(CHAT, 'Chat');
			expect(items.map((item) => item.json.text).sort()).toEqual(
				contacts.map((_, index) => `Later ${index}: thanks`).sort(),
			);
			for (const item of items) expect(item.json).not.toHaveProperty('waitAnswer');
		});
	});
}
