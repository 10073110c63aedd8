/** A logged-in owner session for n8n's internal REST API. */
import { request } from '../support/http';

const sessions = new Map<string, string>();

/**
 * An owner and a logged-in session for n8n's internal REST API (credential tests). One login per n8n,
 * reused while n8n still accepts it: n8n rate-limits logins.
 */
export async function ownerSession(url: string): Promise<{ cookie: string }> {
	const cached = sessions.get(url);
	if (cached) {
		const check = await request(`${url}/rest/login`, { headers: { cookie: cached } });
		if (check.status === 200) return { cookie: cached };
	}
	const fresh = await newOwnerSession(url);
	sessions.set(url, fresh.cookie);
	return fresh;
}

async function newOwnerSession(url: string): Promise<{ cookie: string }> {
	const owner = {
		email: 'owner@example.com',
		firstName: 'Test',
		lastName: 'Owner',
		password: 'Passw0rd-for-tests',
	};
	// Setting up an owner twice is refused, and logging in twice gives two sessions: both may be repeated.
	const setup = await request(`${url}/rest/owner/setup`, {
		method: 'POST',
		body: owner,
		idempotent: true,
	});
	let cookie = setup.headers['set-cookie'];
	if (setup.status !== 200 || !cookie) {
		const login = await request(`${url}/rest/login`, {
			method: 'POST',
			body: { emailOrLdapLoginId: owner.email, password: owner.password },
			idempotent: true,
		});
		cookie = login.headers['set-cookie'];
		if (login.status !== 200 || !cookie)
			throw new Error(`n8n login failed: ${login.status} ${login.text}`);
	}
	return { cookie: cookie.split(';')[0] };
}
