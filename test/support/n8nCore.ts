/**
 * Runs this package's nodes the way n8n runs them: a real Workflow, n8n-core's WorkflowExecute and
 * execution hooks, and a credentials helper that applies the credential's `authenticate` the way the
 * n8n CLI does, so that requests leave through n8n's own HTTP helpers to the emulator's socket.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-360dialog-core-'));
// n8n-core wants an instance key (it encrypts credentials with it); a fixed one keeps it from writing and logging one.
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-360dialog-tests-instance-key';

import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import {
	createDeferredPromise,
	ICredentialsHelper,
	NodeConnectionTypes,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type INodeTypeDescription,
	type INodeParameters,
	type IRun,
	type IRunExecutionData,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { Dialog360Api } from '../../credentials/Dialog360Api.credentials';
import { Dialog360 } from '../../nodes/Dialog360/Dialog360.node';
import { Dialog360TemplateTrigger } from '../../nodes/Dialog360/Dialog360TemplateTrigger.node';
import { Dialog360Trigger } from '../../nodes/Dialog360/Dialog360Trigger.node';
import type { EndpointName } from '../../nodes/Dialog360/domain/environments';
import { apiRequest } from '../../nodes/Dialog360/transport/request';
import { runItems } from '../../nodes/Dialog360/transport/runner';
import { assertNoSentinel, SENTINEL_API_KEY } from './sentinel';

/** Emits the items the test gives it: the input of the node under test. */
class ItemsSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items Source',
		name: 'itemsSource',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Items Source' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json' as const, default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// An entry with a `binary` key is a whole item ({ json, binary }); any other entry is its json.
		const entries = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [
			entries.map((entry) =>
				'binary' in entry ? (entry as unknown as INodeExecutionData) : { json: entry },
			),
		];
	}
}

function parseBody(value: unknown): IDataObject | undefined {
	if (value === '' || value === undefined || value === null) return undefined;
	return (typeof value === 'string' ? JSON.parse(value) : value) as IDataObject;
}

/**
 * Test-only: one API request per item through the package's transport and runner, so that retries,
 * error mapping and the runner are exercised through n8n-core before every operation exists.
 */
class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['output'],
		version: 1,
		description: 'Test node',
		defaults: { name: 'Transport Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dialog360Api', required: true }],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Endpoint', name: 'endpoint', type: 'string', default: 'profile' },
			{ displayName: 'Idempotent', name: 'idempotent', type: 'boolean', default: true },
			{
				displayName: 'Retry Server Errors',
				name: 'retryServerErrors',
				type: 'boolean',
				default: false,
			},
			{ displayName: 'Media ID', name: 'mediaId', type: 'string', default: '' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Timeout', name: 'timeoutMs', type: 'number', default: 0 },
			{ displayName: 'Max Concurrent', name: 'maxConcurrent', type: 'number', default: 1 },
			{ displayName: 'Per Second', name: 'perSecond', type: 'number', default: 0 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const maxConcurrent = this.getNodeParameter('maxConcurrent', 0, 1) as number;
		const perSecond = this.getNodeParameter('perSecond', 0, 0) as number;
		const output = await runItems(
			this,
			items.length,
			async (itemIndex) =>
				await apiRequest.call(this, {
					method: this.getNodeParameter('method', itemIndex) as 'GET',
					endpoint: this.getNodeParameter('endpoint', itemIndex) as EndpointName,
					body: parseBody(this.getNodeParameter('body', itemIndex, '')),
					idempotent: this.getNodeParameter('idempotent', itemIndex) as boolean,
					retryServerErrors: this.getNodeParameter(
						'retryServerErrors',
						itemIndex,
						false,
					) as boolean,
					pathParams: { mediaId: this.getNodeParameter('mediaId', itemIndex, '') as string },
					timeoutMs: (this.getNodeParameter('timeoutMs', itemIndex, 0) as number) || undefined,
					paced: perSecond > 0,
					retryPolicy: { maxAttempts: 4, maxTotalWaitMs: 5_000, baseDelayMs: 20, maxDelayMs: 200 },
					itemIndex,
				}),
			{ maxConcurrent, perSecond },
		);
		return [output];
	}
}

const nodeTypeRegistry: Record<string, INodeType> = {
	'test.transportProbe': new TransportProbe(),
	'n8n-nodes-360dialog.dialog360': new Dialog360(),
	'n8n-nodes-360dialog.dialog360Trigger': new Dialog360Trigger(),
	'n8n-nodes-360dialog.dialog360TemplateTrigger': new Dialog360TemplateTrigger(),
	'test.itemsSource': new ItemsSource(),
};

const credentialTypes: Record<string, ICredentialType> = { dialog360Api: new Dialog360Api() };

export const nodeTypes: INodeTypes = {
	getByName: (type: string) => nodeTypeRegistry[type] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type: string) => nodeTypeRegistry[type],
	getKnownTypes: () => ({}),
};

/** Applies a credential type's `authenticate` (a function or generic) like n8n's CLI CredentialsHelper. */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** How often a node read its credential (n8n's getCredentials), in any run of this process. */
	static reads = 0;

	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value: string) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			) as string;
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const destination = ((requestOptions as unknown as Record<string, IDataObject>)[target] ??=
				{});
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				destination[resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	getCredentialsProperties() {
		return [];
	}

	async getDecrypted(
		_data: IWorkflowExecuteAdditionalData,
		_node: INodeCredentialsDetails,
		type: string,
	) {
		TestCredentialsHelper.reads++;
		const found = this.credentials[type];
		if (!found) throw new Error(`No test credentials of type ${type}`);
		return { ...found };
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used in tests');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}

export interface RunNodeOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	/** The node type under test; the action node by default. */
	nodeType?: string;
	/** Static data kept between runs, as n8n stores it with the workflow. */
	staticData?: IDataObject;
	/** The node's name in the workflow (its id stays the same): a user may rename it. */
	nodeName?: string;
	/** The node's version; the one the editor adds (its defaultVersion) unless given. */
	typeVersion?: number;
	/** For Send and Wait: the execution's id and where n8n's waiting webhooks are. */
	executionId?: string;
	webhookWaitingBaseUrl?: string;
}

export interface NodeRun {
	items: INodeExecutionData[];
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
	staticData: IDataObject;
}

/** The error of an item that failed under "Continue On Fail". */
export function errorOf(item: INodeExecutionData): {
	message: string;
	description?: string;
	ambiguous?: boolean;
	httpCode?: string;
} {
	const error = item.json.error as { message?: unknown } | undefined;
	if (!error || typeof error.message !== 'string')
		throw new Error(`not an error item: ${JSON.stringify(item.json)}`);
	return error as { message: string };
}

/** An input item carrying a file, as n8n keeps small binaries in memory (base64). */
export function binaryItem(
	data: Buffer,
	mimeType: string,
	fileName: string,
	property = 'data',
): IDataObject {
	return {
		json: {},
		binary: { [property]: { data: data.toString('base64'), mimeType, fileName } },
	};
}

export function emulatorCredentials(
	baseUrl: string,
	apiKey = SENTINEL_API_KEY,
): ICredentialDataDecryptedObject {
	return { apiKey, environment: 'custom', baseUrl };
}

const NODE_NAME = '360dialog WhatsApp';

export function testAdditionalData(
	credentials: ICredentialDataDecryptedObject | undefined,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new TestCredentialsHelper({ dialog360Api: credentials ?? {} }),
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** The version the editor adds a node in: its defaultVersion, or its highest version. */
function latestVersion(type = 'n8n-nodes-360dialog.dialog360'): number {
	const { description } = nodeTypes.getByNameAndVersion(type) as INodeType;
	const versions = Array.isArray(description.version) ? description.version : [description.version];
	return description.defaultVersion ?? Math.max(...versions);
}

/**
 * Calls one of the action node's `methods` (listSearch, resourceMapping) the way the editor does:
 * n8n-core's LoadOptionsContext over a workflow that holds the node with these parameters.
 */
export async function callNodeMethod<T>(
	kind: 'listSearch' | 'resourceMapping' | 'loadOptions',
	method: string,
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
	args: unknown[] = [],
): Promise<T> {
	const node: INode = {
		id: 'node',
		name: NODE_NAME,
		type: 'n8n-nodes-360dialog.dialog360',
		typeVersion: latestVersion(),
		position: [0, 0],
		parameters,
		credentials: { dialog360Api: { id: 'cred1', name: '360dialog test' } },
	};
	const workflow = new Workflow({
		id: 'methods',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		testAdditionalData(credentials),
		'parameters',
	);
	const nodeType = nodeTypes.getByNameAndVersion(node.type) as INodeType;
	const table = nodeType.methods?.[kind] as
		Record<string, (...methodArgs: unknown[]) => Promise<T>> | undefined;
	const fn = table?.[method];
	if (!fn) throw new Error(`The node has no ${kind} method "${method}"`);
	try {
		const result = await fn.call(context, ...args);
		assertNoSentinel(`the answer of ${method}`, result);
		return result;
	} catch (error) {
		assertNoSentinel(`an error of ${method}`, {
			message: (error as Error).message,
			description: (error as { description?: unknown }).description,
		});
		throw error;
	}
}

/** Runs Items Source → 360dialog WhatsApp through n8n-core and returns the node's output. */
export async function runActionNode(options: RunNodeOptions): Promise<NodeRun> {
	const nodeName = options.nodeName ?? NODE_NAME;
	const nodes: INode[] = [
		{
			id: 'source',
			name: 'Items Source',
			type: 'test.itemsSource',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			id: 'node',
			name: nodeName,
			type: options.nodeType ?? 'n8n-nodes-360dialog.dialog360',
			typeVersion: options.typeVersion ?? latestVersion(options.nodeType),
			position: [200, 0],
			parameters: options.parameters,
			credentials: { dialog360Api: { id: 'cred1', name: '360dialog test' } },
			continueOnFail: options.continueOnFail,
			onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
		},
	];
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes,
		connections: {
			'Items Source': { main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]] },
		},
		active: false,
		nodeTypes,
		staticData: options.staticData ?? {},
	});

	const hooks = new ExecutionLifecycleHooks(options.mode ?? 'manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections: {},
		activeVersionId: null,
	});
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));

	const additionalData = testAdditionalData(options.credentials, hooks);
	if (options.executionId) additionalData.executionId = options.executionId;
	if (options.webhookWaitingBaseUrl)
		additionalData.webhookWaitingBaseUrl = options.webhookWaitingBaseUrl;

	const runExecutionData = {
		version: 1,
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	const execute = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished.promise;
	const nodeRun = run.data.resultData.runData[nodeName]?.[0];
	// Every run through this harness is checked for the key: outputs, errors, the whole run data.
	assertNoSentinel('the run data (outputs and errors)', run.data);
	const failure = (nodeRun?.error ?? run.data.resultData.error) as
		(Error & { description?: string }) | undefined;
	if (failure)
		assertNoSentinel('an error message or description', {
			message: failure.message,
			description: failure.description,
		});
	return {
		items: nodeRun?.data?.main?.[0] ?? [],
		error: (nodeRun?.error ?? run.data.resultData.error) as NodeRun['error'],
		run,
		staticData: workflow.staticData as IDataObject,
	};
}
