/** The editor's calls: template pickers (listSearch) and the fields a template needs (resourceMapping). */
import { searchAllTemplates, searchApprovedTemplates, searchLibraryTemplates } from './listSearch';
import { getBodyVariables, getTemplateParameters } from './resourceMapping';

export const listSearch = { searchApprovedTemplates, searchAllTemplates, searchLibraryTemplates };
export const resourceMapping = { getTemplateParameters, getBodyVariables };
