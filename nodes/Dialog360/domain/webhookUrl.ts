import type { Violation } from './checks';

/**
 * 360dialog refuses webhook URLs that break these: https, no "_" in the host, no explicit port
 * (https://docs.360dialog.com/partner/messaging/receiving-messages-via-webhook/multiple-webhooks-per-phone-number).
 */
export const WEBHOOK_URL_RULES = {
	exposeHelp:
		"Expose n8n on a public https address on port 443 (a reverse proxy, or a tunnel such as cloudflared or ngrok) and set n8n's WEBHOOK_URL to it, then activate the workflow again.",
};

export function webhookUrlViolations(url: string): Violation[] {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return [{ field: 'Webhook URL', message: `The webhook URL "${url}" is not a URL` }];
	}
	const violations: Violation[] = [];
	if (parsed.protocol !== 'https:')
		violations.push({
			field: 'Webhook URL',
			message: `360dialog only calls https URLs, and n8n's webhook URL is ${parsed.protocol.replace(':', '')} (${url})`,
		});
	if (parsed.hostname.includes('_'))
		violations.push({
			field: 'Webhook URL',
			message: `360dialog refuses a "_" in the host name (${parsed.hostname})`,
		});
	if (parsed.port !== '')
		violations.push({
			field: 'Webhook URL',
			message: `360dialog refuses a URL with an explicit port (:${parsed.port})`,
		});
	if (['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname))
		violations.push({ field: 'Webhook URL', message: `360dialog cannot reach ${parsed.hostname}` });
	return violations;
}
