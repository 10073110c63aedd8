/**
 * The Template Changes trigger the way n8n's main process runs a polling trigger (n8n-core
 * active-workflows.js in 2.8, active-workflow-triggers.js in 2.41): one workflow object, static data
 * included, kept in memory from activation on and polled through n8n-core's PollContext; the static
 * data saved to the database after activation and after a poll that emitted (`saveStaticData` only
 * writes when `__dataChanged`); loaded from the database again on activation (a restart). A manual
 * test runs the poll on its own copy in mode "manual", which n8n never saves.
 */
import { PollContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { nodeTypes, testAdditionalData } from './n8nCore';
import { assertNoSentinel } from './sentinel';

export const TEMPLATE_TRIGGER = 'n8n-nodes-360dialog.dialog360TemplateTrigger';

export interface PollResult {
	/** What the poll returned (the first output's items), or null: nothing to start an execution with. */
	items: IDataObject[] | null;
	error?: Error;
}

const copy = (data: IDataObject): IDataObject => {
	const plain = JSON.parse(JSON.stringify(data)) as IDataObject;
	delete plain.__dataChanged;
	return plain;
};

export class PollerHost {
	/** The workflow's static data as n8n keeps it in its database. */
	saved: IDataObject = {};
	private active: Workflow | undefined;
	private readonly node: INode;

	constructor(
		private readonly credentials: ICredentialDataDecryptedObject,
		parameters: INodeParameters = {},
		name = '360dialog Template Changes',
	) {
		this.node = {
			id: 'templateTrigger',
			name,
			type: TEMPLATE_TRIGGER,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { dialog360Api: { id: 'cred1', name: '360dialog test' } },
		};
	}

	private workflow(staticData: IDataObject): Workflow {
		return new Workflow({
			id: 'poll-workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData,
		});
	}

	private async poll(
		workflow: Workflow,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
	): Promise<PollResult> {
		const context = new PollContext(
			workflow,
			this.node,
			testAdditionalData(this.credentials),
			mode,
			activation,
		);
		const nodeType = nodeTypes.getByNameAndVersion(TEMPLATE_TRIGGER) as INodeType;
		try {
			const data = await nodeType.poll!.call(context);
			const items = data ? data[0].map((item) => item.json) : null;
			assertNoSentinel('what the poll emitted', items);
			return { items };
		} catch (error) {
			assertNoSentinel('a poll error', { message: (error as Error).message });
			return { items: null, error: error as Error };
		}
	}

	/** n8n's saveStaticData: writes the in-memory static data when a node changed it. */
	private save(): void {
		const staticData = this.active!.staticData as IDataObject;
		if (staticData.__dataChanged !== true) return;
		this.saved = copy(staticData);
		staticData.__dataChanged = false;
	}

	/** Activating the workflow (or starting n8n with it active): a first poll, then a save. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<PollResult> {
		this.active = this.workflow(copy(this.saved));
		const result = await this.poll(this.active, 'trigger', activation);
		this.save();
		return result;
	}

	/** A scheduled poll; what it emits starts an execution, and n8n saves the static data then. */
	async tick(): Promise<PollResult> {
		if (!this.active) throw new Error('the workflow is not active');
		const result = await this.poll(this.active, 'trigger', 'activate');
		if (result.items) this.save();
		return result;
	}

	/** n8n stops: only what is in the database is left. */
	stop(): void {
		this.active = undefined;
	}

	/**
	 * "Fetch Test Event": a manual run on a copy of the workflow, with the saved static data (n8n
	 * 2.41 runs the saved workflow) or none (2.8 runs what the editor sends). Nothing is saved.
	 */
	async manual(staticData: 'saved' | 'none'): Promise<PollResult> {
		return await this.poll(
			this.workflow(staticData === 'saved' ? copy(this.saved) : {}),
			'manual',
			'manual',
		);
	}
}
