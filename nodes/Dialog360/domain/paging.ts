/**
 * Meta's cursor pagination, which 360dialog passes on for the lists it proxies ("Cursor pagination
 * as issued by Meta" in its Messaging API reference). Meta, Graph API "Paginated Results"
 * (https://developers.facebook.com/docs/graph-api/results/): `paging.cursors.after` points at the
 * end of the page returned, and `paging.next` is there only when another page follows ("If not
 * included, this is the last page of data"); the next page is the same request with `after`.
 */
import { isRecord, textOrNull } from './values';

/** The `after` cursor of the page that follows this answer; null on the last page. */
export function nextPageCursor(body: unknown): string | null {
	const paging = isRecord(body) && isRecord(body.paging) ? body.paging : {};
	const cursors = isRecord(paging.cursors) ? paging.cursors : {};
	return textOrNull(paging.next) !== null ? textOrNull(cursors.after) : null;
}
