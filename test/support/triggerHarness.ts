/**
 * The trigger node the way n8n drives it, on a real socket: n8n-core's HookContext for activation and
 * deactivation, and an HTTP server on 127.0.0.1 that hands each POST to the node's webhook() through
 * n8n-core's WebhookContext, answering as n8n does. Executions the node starts are collected.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { Container } from '@n8n/di';
import {
	generateUrlSignature,
	HookContext,
	InstanceSettings,
	prepareUrlForSigning,
	WAITING_TOKEN_QUERY_PARAM,
	WebhookContext,
} from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { nodeTypes, testAdditionalData } from './n8nCore';
import { pollUntil } from './poll';
import { assertNoSentinel } from './sentinel';

const TRIGGER_TYPE = 'n8n-nodes-360dialog.dialog360Trigger';

export interface TriggerResponse {
	status: number;
	body: unknown;
}

/** n8n's test webhooks: the workflow starts with empty static data, kept from create to delete. */
interface TestRegistration {
	workflow: Workflow;
	staticData: IDataObject;
}

export class TriggerHarness {
	readonly executions: INodeExecutionData[][] = [];
	/** Executions started through the test URL ("Test this trigger"). */
	readonly testExecutions: INodeExecutionData[][] = [];
	readonly staticData: IDataObject = {};
	private test?: TestRegistration;
	/**
	 * Plays n8n's waiting webhooks (/webhook-waiting/<execution>/<node>) for Send and Wait: the
	 * executions that wait, and the items the action node's webhook() gave each one it resumed.
	 */
	readonly waitingExecutions = new Set<string>();
	readonly resumed: Array<{ executionId: string; items: INodeExecutionData[] }> = [];
	/** Plays an n8n that cannot store executions (database or Redis down): it answers 500 when it still can. */
	storeFails = false;
	/**
	 * Answers the next requests to the waiting webhooks get instead of n8n's (a proxy's 503, a crash),
	 * one each, in order; the execution keeps waiting.
	 */
	readonly waitingWebhookFailures: Array<{ status: number; body: unknown }> = [];
	private server?: http.Server;
	private baseUrl = '';
	private node: INode;
	private workflow!: Workflow;

	/** The Send and Wait node's credential, when it is not the trigger's. */
	waitNodeCredentials?: ICredentialDataDecryptedObject;

	constructor(
		parameters: INodeParameters,
		private readonly credentials: ICredentialDataDecryptedObject,
		private readonly options: { workflowId?: string; webhookBaseUrl?: string } = {},
	) {
		this.node = {
			id: 'trigger-node',
			name: '360dialog WhatsApp Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'c0ffee00-0000-4000-8000-000000000001',
			parameters,
			credentials: { dialog360Api: { id: 'cred1', name: '360dialog test' } },
		};
	}

	private get nodeType(): INodeType {
		return nodeTypes.getByNameAndVersion(TRIGGER_TYPE) as INodeType;
	}

	private get methods() {
		const methods = this.nodeType.webhookMethods?.default;
		if (!methods) throw new Error('the trigger has no default webhook methods');
		return methods;
	}

	private additionalData(
		extra: Partial<IWorkflowExecuteAdditionalData> = {},
	): IWorkflowExecuteAdditionalData {
		return {
			...testAdditionalData(this.credentials),
			webhookBaseUrl: this.options.webhookBaseUrl ?? `${this.baseUrl}/webhook`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			webhookWaitingBaseUrl: this.waitingBaseUrl,
			...extra,
		} as IWorkflowExecuteAdditionalData;
	}

	async start(): Promise<void> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
		this.workflow = new Workflow({
			id: this.options.workflowId ?? 'trigger-workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: this.staticData,
		});
		// n8n keeps static data on the workflow; the harness shares one object across activations.
		this.workflow.staticData = this.staticData as typeof this.workflow.staticData;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	/** Replaces the node's parameters (as editing the workflow does), keeping its static data. */
	setParameters(parameters: INodeParameters): void {
		this.node.parameters = parameters;
	}

	private hook(activation: 'activate' | 'update' = 'activate'): HookContext {
		return new HookContext(this.workflow, this.node, this.additionalData(), 'trigger', activation);
	}

	/** Where this harness plays n8n's waiting webhooks (what `$execution.resumeUrl` starts with). */
	get waitingBaseUrl(): string {
		return `${this.baseUrl}/webhook-waiting`;
	}

	get webhookUrl(): string {
		return this.hook().getNodeWebhookUrl('default') as string;
	}

	private get testWebhookData(): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: 'webhook',
			isTest: true,
			webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' },
			workflowId: this.workflow.id,
		} as unknown as IWebhookData;
	}

	/** The hook n8n's TestWebhooks uses: create in manual mode, delete as an internal update, the test URL either way. */
	private testHook(phase: 'create' | 'delete'): HookContext {
		const test = this.test;
		if (!test) throw new Error('no test is running');
		return phase === 'create'
			? new HookContext(
					test.workflow,
					this.node,
					this.additionalData(),
					'manual',
					'manual',
					this.testWebhookData,
				)
			: new HookContext(
					test.workflow,
					this.node,
					this.additionalData(),
					'internal',
					'update',
					this.testWebhookData,
				);
	}

	get testWebhookUrl(): string {
		return new HookContext(
			this.workflow,
			this.node,
			this.additionalData(),
			'manual',
			'manual',
			this.testWebhookData,
		).getNodeWebhookUrl('default') as string;
	}

	/** "Test this trigger" in the editor: a fresh workflow copy, checkExists and create in manual mode. */
	async startTest(): Promise<void> {
		const staticData: IDataObject = {};
		const workflow = new Workflow({
			id: this.workflow.id,
			nodes: [this.node],
			connections: {},
			active: false,
			nodeTypes,
			staticData,
		});
		workflow.staticData = staticData as typeof workflow.staticData;
		this.test = { workflow, staticData };
		await this.checked('a test activation error', async () => {
			if (!(await this.methods.checkExists.call(this.testHook('create'))))
				await this.methods.create.call(this.testHook('create'));
		});
	}

	/** The end of a test (an event arrived, the user stopped it, or it timed out): delete with the test's static data. */
	async endTest(): Promise<void> {
		await this.checked(
			'a test deactivation error',
			async () => await this.methods.delete.call(this.testHook('delete')),
		);
		this.test = undefined;
	}

	/** What n8n does on activation: create the webhook unless it already exists. */
	async activate(): Promise<void> {
		await this.checked('an activation error', async () => {
			if (!(await this.methods.checkExists.call(this.hook())))
				await this.methods.create.call(this.hook());
		});
	}

	/** Runs a lifecycle step; an error it throws is checked for the key before the test sees it. */
	private async checked<T>(where: string, step: () => Promise<T>): Promise<T> {
		try {
			return await step();
		} catch (error) {
			assertNoSentinel(where, {
				message: (error as Error).message,
				description: (error as { description?: unknown }).description,
			});
			throw error;
		}
	}

	async checkExists(): Promise<boolean> {
		return await this.methods.checkExists.call(this.hook());
	}

	async deactivate(): Promise<void> {
		await this.checked(
			'a deactivation error',
			async () => await this.methods.delete.call(this.hook()),
		);
	}

	/** Waits (bounded) until the node has started `count` executions; the early answer comes first. */
	async waitForExecutions(count: number, timeoutMs = 5000): Promise<INodeExecutionData[][]> {
		await pollUntil(() => (this.executions.length >= count ? true : undefined), {
			timeoutMs,
			intervalMs: 10,
		});
		return this.executions;
	}

	/** Posts a body (an object, or raw text) to the webhook URL with the given headers. */
	async post(body: unknown, headers: Record<string, string> = {}): Promise<TriggerResponse> {
		const response = await fetch(this.webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: response.status, body: parsed };
	}

	/**
	 * n8n's waiting webhook for a send-and-wait node, as n8n 2.8 does it: the signature over host, path
	 * and query checked first (401), an execution that no longer waits refused (409), otherwise the
	 * action node's webhook() through n8n-core's WebhookContext, once.
	 */
	private async resume(
		req: http.IncomingMessage,
		body: unknown,
		response: http.ServerResponse & {
			status(code: number): typeof response;
			json(value: unknown): typeof response;
		},
	): Promise<void> {
		const failure = this.waitingWebhookFailures.shift();
		if (failure) {
			response.status(failure.status);
			if (typeof failure.body === 'string') response.end(failure.body);
			else response.json(failure.body);
			return;
		}
		const url = new URL(req.url ?? '', `http://${req.headers.host}`);
		const [, , executionId, nodeId] = url.pathname.split('/');
		const given = url.searchParams.get(WAITING_TOKEN_QUERY_PARAM) ?? '';
		url.searchParams.delete(WAITING_TOKEN_QUERY_PARAM);
		const expected = generateUrlSignature(
			prepareUrlForSigning(url),
			Container.get(InstanceSettings).hmacSignatureSecret,
		);
		if (given !== expected) {
			response.status(401).json({ error: 'Invalid token' });
			return;
		}
		if (!this.waitingExecutions.delete(executionId)) {
			// n8n's answer for an execution that finished (waiting-webhooks.ts).
			response
				.status(409)
				.json({ code: 409, message: `The execution "${executionId} has finished already.` });
			return;
		}
		const node: INode = {
			id: decodeURIComponent(nodeId),
			name: '360dialog WhatsApp',
			type: 'n8n-nodes-360dialog.dialog360',
			typeVersion: 1.1,
			position: [0, 0],
			parameters: { resource: 'message', operation: 'sendAndWait' },
			credentials: {
				dialog360Api: { id: 'cred-wait', name: "the Send and Wait node's 360dialog credential" },
			},
		};
		const workflow = new Workflow({
			id: 'waiting-workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
		});
		const request = Object.assign(req, {
			body,
			params: {},
			query: Object.fromEntries(url.searchParams),
		});
		const context = new WebhookContext(
			workflow,
			node,
			{
				...this.additionalData({
					httpRequest: request,
					httpResponse: response,
				} as unknown as Partial<IWorkflowExecuteAdditionalData>),
				// n8n's executeWebhook sets the execution it resumes; the node's own credential.
				executionId,
				credentialsHelper: testAdditionalData(this.waitNodeCredentials ?? this.credentials)
					.credentialsHelper,
			},
			'webhook',
			{
				httpMethod: 'POST',
				node: node.name,
				path: node.id,
				webhookDescription: { name: 'default', httpMethod: 'POST', path: node.id },
				workflowId: workflow.id,
			} as unknown as IWebhookData,
			[],
			null,
		);
		const actionNode = nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
		const result = await actionNode.webhook!.call(context);
		// As n8n: without workflow data the execution is not resumed and keeps waiting.
		if (!result.workflowData) this.waitingExecutions.add(executionId);
		else this.resumed.push({ executionId, items: result.workflowData[0] });
		if (!result.noWebhookResponse) response.status(200).json(result.webhookResponse);
	}

	/** A copy of the stored static data, as n8n loads it from the database for each delivery. */
	private deliveryWorkflow(): Workflow {
		return new Workflow({
			id: this.workflow.id,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.staticData)) as IDataObject,
		});
	}

	/** n8n's saveStaticData once the webhook function answered: the delivery's copy, whole, if changed. */
	private async saveStaticData(workflow: Workflow): Promise<void> {
		if (!(workflow.staticData as { __dataChanged?: boolean }).__dataChanged) return;
		const saved = JSON.stringify(workflow.staticData);
		await new Promise((resolve) => setImmediate(resolve));
		for (const key of Object.keys(this.staticData)) delete this.staticData[key];
		Object.assign(this.staticData, JSON.parse(saved) as IDataObject);
	}

	/**
	 * n8n's 200 for a node that did not answer itself (webhook-helpers, 2.8 and 2.41): without an
	 * execution, the node's webhookResponse; with one (responseMode onReceived), what the webhook
	 * description's responseData says, its default 'firstEntryJson' sent as that text, 'noData' none.
	 */
	private answer(
		response: http.ServerResponse & { json(value: unknown): unknown },
		result: IWebhookResponseData,
	): void {
		response.statusCode = 200;
		if (!result.workflowData) {
			response.json(result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		const responseData = this.nodeType.description.webhooks?.[0]?.responseData ?? 'firstEntryJson';
		if (responseData === 'noData') response.end();
		else if (responseData) response.end(String(responseData));
		else response.json(result.webhookResponse ?? { message: 'Workflow was started' });
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		let body: unknown = raw;
		try {
			body = raw === '' ? {} : JSON.parse(raw);
		} catch {
			// handed on as text, as n8n's raw-body fallback does
		}
		// The part of Express's response that nodes use.
		const response = Object.assign(res, {
			status(code: number) {
				res.statusCode = code;
				return response;
			},
			json(value: unknown) {
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify(value));
				return response;
			},
		});
		if ((req.url ?? '').startsWith('/webhook-waiting/')) {
			await this.resume(req, body, response);
			return;
		}
		const request = Object.assign(req, { body, params: {}, query: {} });
		const isTest = (req.url ?? '').startsWith('/webhook-test/');
		if (isTest && !this.test) {
			response.status(404).json({ message: 'The requested webhook is not registered' });
			return;
		}
		const webhookData = isTest
			? this.testWebhookData
			: ({
					httpMethod: 'POST',
					node: this.node.name,
					path: 'webhook',
					webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' },
					workflowId: this.workflow.id,
				} as unknown as IWebhookData);
		// As n8n's LiveWebhooks: each delivery gets its own copy of the stored static data, read from
		// the database (a round trip during which other deliveries go on).
		const workflow = isTest ? this.test!.workflow : this.deliveryWorkflow();
		if (!isTest) await new Promise((resolve) => setImmediate(resolve));
		const context = new WebhookContext(
			workflow,
			this.node,
			this.additionalData({
				httpRequest: request,
				httpResponse: response,
			} as unknown as Partial<IWorkflowExecuteAdditionalData>),
			isTest ? 'manual' : 'webhook',
			webhookData,
			[],
			null,
		);
		try {
			const result = await this.nodeType.webhook!.call(context);
			if (!isTest) await this.saveStaticData(workflow);
			assertNoSentinel('the items of a trigger execution', result);
			if (result.workflowData && this.storeFails) {
				if (!result.noWebhookResponse)
					response.status(500).json({ message: 'There was a problem executing the workflow' });
				return;
			}
			if (result.workflowData)
				(isTest ? this.testExecutions : this.executions).push(result.workflowData[0]);
			if (!result.noWebhookResponse) this.answer(response, result);
		} catch (error) {
			if (!res.headersSent) response.status(500).json({ error: (error as Error).message });
		}
	}
}
