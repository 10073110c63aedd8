import { N8N_LINES } from '../n8n/n8nHost';
import { describeConversations } from './conversations';
import { describeEndToEnd } from './suite';
import { describeTemplateSync } from './templateSync';

describeEndToEnd(N8N_LINES.oldest, 'regular');
describeConversations(N8N_LINES.oldest, 'regular');
describeTemplateSync(N8N_LINES.oldest, 'regular');
