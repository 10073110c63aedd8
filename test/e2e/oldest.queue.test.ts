import { N8N_LINES } from '../n8n/n8nHost';
import { describeEndToEnd } from './suite';
import { describeTemplateSync } from './templateSync';

describeEndToEnd(N8N_LINES.oldest, 'queue');
describeTemplateSync(N8N_LINES.oldest, 'queue');
