/** The editor's calls: template pickers (listSearch) and the fields a template needs (resourceMapping). */
import { searchAllTemplates, searchApprovedTemplates } from './listSearch';
import { getBodyVariables, getTemplateParameters } from './resourceMapping';

export const listSearch = { searchApprovedTemplates, searchAllTemplates };
export const resourceMapping = { getTemplateParameters, getBodyVariables };
