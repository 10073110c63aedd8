import { N8N_LINES } from '../n8n/n8nHost';
import { describeEndToEnd } from './suite';

describeEndToEnd(N8N_LINES.current, 'queue');
