/** The 360dialog credential of a request context, read once per node run. */
import type {
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	apiKeyOf,
	isEnvironmentName,
	resolveBaseUrl,
	type EnvironmentName,
} from '../domain/environments';

export const CREDENTIAL_TYPE = 'dialog360Api';

export type RequestContext =
	IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions | IPollFunctions;

export interface ResolvedCredentials {
	environment: EnvironmentName;
	baseUrl: string;
	apiKey: string;
	/**
	 * The credential as read, handed to every request of the context: without it n8n reads the
	 * credential again for each request (from its database, decrypted, in a real n8n).
	 */
	decrypted: ICredentialsDecrypted;
}

// One read of the credential per execution context: n8n reads and decrypts it on every call, which adds
// up at a thousand sends per second. A context lives for one node run, so a changed key is read next run.
const credentialsByContext = new WeakMap<object, Promise<ResolvedCredentials>>();

export async function resolveCredentials(this: RequestContext): Promise<ResolvedCredentials> {
	let resolved = credentialsByContext.get(this);
	if (!resolved) {
		resolved = readCredentials(this);
		credentialsByContext.set(this, resolved);
		// A failed read is not kept: the next request tries again.
		resolved.catch(() => credentialsByContext.delete(this));
	}
	return await resolved;
}

async function readCredentials(ctx: RequestContext): Promise<ResolvedCredentials> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const environment = isEnvironmentName(credentials.environment)
		? credentials.environment
		: 'production';
	const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	try {
		return {
			environment,
			baseUrl: resolveBaseUrl(environment, credentials.baseUrl as string | undefined),
			apiKey: apiKeyOf(credentials),
			// n8n reads only `data` of it (httpRequestWithAuthentication's additionalCredentialOptions).
			decrypted: {
				id: reference?.id ?? '',
				name: reference?.name ?? '',
				type: CREDENTIAL_TYPE,
				data: credentials,
			},
		};
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message);
	}
}
