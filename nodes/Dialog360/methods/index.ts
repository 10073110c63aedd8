/** The editor's calls: template and flow pickers (listSearch) and the fields a template needs (resourceMapping). */
import { searchAllTemplates, searchApprovedTemplates, searchFlows } from './listSearch';
import { getBodyVariables, getTemplateParameters } from './resourceMapping';

export const listSearch = { searchApprovedTemplates, searchAllTemplates, searchFlows };
export const resourceMapping = { getTemplateParameters, getBodyVariables };
