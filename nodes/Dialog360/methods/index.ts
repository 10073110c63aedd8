/** The editor's calls: template, library and flow pickers (listSearch) and the fields a template needs (resourceMapping). */
import {
	searchAllTemplates,
	searchApprovedTemplates,
	searchFlows,
	searchLibraryTemplates,
} from './listSearch';
import { getBodyVariables, getTemplateParameters } from './resourceMapping';

export const listSearch = {
	searchApprovedTemplates,
	searchAllTemplates,
	searchFlows,
	searchLibraryTemplates,
};
export const resourceMapping = { getTemplateParameters, getBodyVariables };
