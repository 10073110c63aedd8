/** Which fields a template category shows: authentication templates have a fixed form. */
import type { IDisplayOptions } from 'n8n-workflow';

export const NOT_AUTHENTICATION: IDisplayOptions = { hide: { category: ['AUTHENTICATION'] } };
export const AUTHENTICATION_ONLY: IDisplayOptions = { show: { category: ['AUTHENTICATION'] } };
/** Header formats whose sample is a file. */
export const MEDIA_HEADERS = ['IMAGE', 'VIDEO', 'DOCUMENT'];
