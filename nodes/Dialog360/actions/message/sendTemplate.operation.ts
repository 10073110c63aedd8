import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addressMessage } from '../../domain/messages';
import type { Violation } from '../../domain/checks';
import {
	buildTemplateComponents,
	checkTemplateComponents,
	flowTokenOf,
	parameterSlots,
	templateMessageBody,
	type TemplateDefinition,
} from '../../domain/templateParameters';
import { isApproved, normalizeStatus } from '../../domain/templates';
import { textOf } from '../../domain/values';
import { findTemplate } from '../../transport/templates';
import { simplifyField, templateLocatorField } from '../descriptions/common';
import { recipientField, sendingOptionsField } from '../descriptions/sending';
import { updateDisplayOptions } from '../displayOptions';
import { itemParameter, readTemplateLocator } from '../parameters';
import { assertNoViolations } from '../validation';
import {
	checkSendThrough,
	readSendThrough,
	sendTemplateThrough,
	sendThroughProperties,
} from './marketingMessages';
import { sendingRunnerOptions, takeSendingItem } from './sending';

const properties: INodeProperties[] = [
	recipientField,
	templateLocatorField(
		'searchApprovedTemplates',
		'An approved template. Templates reach a contact at any time, also outside the 24-hour window.',
	),
	{
		displayName: 'Parameters From',
		name: 'parameterMode',
		type: 'options',
		default: 'mapper',
		options: [
			{
				name: 'Fields Below',
				value: 'mapper',
				description: 'One field per variable of the chosen template',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'The components array of the send, as in the Cloud API',
			},
		],
		description: 'How the values for the template variables are given',
	},
	{
		displayName: 'Template Parameters',
		name: 'templateParameters',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description:
			'A value for every variable of the template: header, body, URL-button suffixes, quick-reply payloads and coupon codes',
		typeOptions: {
			loadOptionsDependsOn: ['template.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateParameters',
				mode: 'add',
				// n8n's heading would be "Values to Send".
				valuesLabel: 'Values for the Template Variables',
				fieldWords: { singular: 'parameter', plural: 'parameters' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { show: { parameterMode: ['mapper'] } },
	},
	{
		displayName: 'Components (JSON)',
		name: 'templateComponents',
		type: 'json',
		default:
			'[\n  {\n    "type": "body",\n    "parameters": [{ "type": "text", "text": "Ada" }]\n  }\n]',
		description:
			'The "components" of the send: one entry per header, body and button with variables. They are checked against the template before sending.',
		displayOptions: { show: { parameterMode: ['json'] } },
	},
	...sendThroughProperties,
	sendingOptionsField,
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendTemplate'] } },
	properties,
);

/** Bulk sends: several items in flight at once, at the rate and concurrency the Options set. */
export const runShape = 'paced';
export const runnerOptions = sendingRunnerOptions;

// One look-up per template per run, shared by the items (and by concurrent workers).
const definitions = new WeakMap<object, Map<string, Promise<TemplateDefinition | undefined>>>();

function definitionOf(
	ctx: IExecuteFunctions,
	name: string,
	language: string,
	itemIndex: number,
): Promise<TemplateDefinition | undefined> {
	const cache = definitions.get(ctx) ?? new Map<string, Promise<TemplateDefinition | undefined>>();
	definitions.set(ctx, cache);
	const key = `${name}|${language}`;
	let pending = cache.get(key);
	if (!pending) {
		pending = findTemplate.call(ctx, name, language, itemIndex);
		// A failed look-up is not kept, so the next item asks again.
		pending.catch(() => cache.delete(key));
		cache.set(key, pending);
	}
	return pending;
}

function readComponents(
	ctx: IExecuteFunctions,
	itemIndex: number,
	violations: Violation[],
): unknown {
	const raw = itemParameter(ctx, 'templateComponents', itemIndex, '[]');
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		violations.push({
			field: 'Components (JSON)',
			message: `Components (JSON) is not valid JSON: ${(error as Error).message}`,
		});
		return undefined;
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { to, options, recipient } = takeSendingItem(this, itemIndex);
	const envelope = {
		to,
		read: recipient,
		defaultCountry: options.defaultCountry,
		replyTo: options.replyTo,
		bizOpaqueCallbackData: options.bizOpaqueCallbackData,
	};
	// The envelope is read once and checked first, so a wrong number is reported without a template look-up.
	const addressed = addressMessage(envelope, {});
	const violations: Violation[] = [...addressed.violations];
	const key = readTemplateLocator(this, itemIndex);
	const sendThrough = readSendThrough(this, itemIndex, violations);

	const template = await definitionOf(this, key.name, key.language, itemIndex);
	if (!template) {
		violations.push({
			field: 'Template',
			message: `Template ${key.name} (${key.language}) does not exist on this number; check the name and the language code`,
		});
	} else if (!isApproved(template)) {
		violations.push({
			field: 'Template',
			message: `Template ${key.name} (${key.language}) is ${normalizeStatus(template.status) || 'not approved'}; only APPROVED templates can be sent`,
		});
	}
	const plan = template
		? checkSendThrough(sendThrough, { ...key, ...template }, violations)
		: undefined;
	assertNoViolations(this, violations, itemIndex, 'WhatsApp template');
	const definition = template as TemplateDefinition;

	const mode = itemParameter(this, 'parameterMode', itemIndex, 'mapper') as string;
	const components =
		mode === 'json'
			? readComponents(this, itemIndex, violations)
			: buildTemplateComponents(
					definition,
					withFlowTokens(definition, mappedValues(this, itemIndex)),
				);
	// Components that are not JSON say only that: checking them against the template would say more of the same.
	if (components !== undefined) violations.push(...checkTemplateComponents(definition, components));
	assertNoViolations(this, violations, itemIndex, 'WhatsApp template');

	const payload = {
		...addressed.payload,
		...templateMessageBody(definition, components as unknown[]),
	};
	const sent = await sendTemplateThrough(
		this,
		{ payload, recipient: addressed.recipient },
		itemIndex,
		options,
		sendThrough,
		plan,
	);
	// A flow button's token comes back with the form's answer: the workflow needs it to match them.
	const flowToken = flowTokenOf(components);
	return flowToken === undefined ? sent : { ...sent, flowToken };
}

function mappedValues(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter('templateParameters.value', itemIndex, {}) ?? {}) as IDataObject;
}

/** A flow button's token left empty gets a random one, as Message › Send does for a flow message. */
function withFlowTokens(definition: TemplateDefinition, values: IDataObject): IDataObject {
	const filled = { ...values };
	for (const slot of parameterSlots(definition))
		if (slot.kind === 'flowToken' && textOf(filled[slot.id]).trim() === '')
			filled[slot.id] = randomUUID();
	return filled;
}
