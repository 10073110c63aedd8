/**
 * Sending a template: which values a template needs (derived from its components), the `components`
 * of the send built from them, and a check of any components (built here or written as JSON by the
 * user) against the template, so a mismatch is named before Meta answers 132000.
 */
export * from './slots';
export {
	buildTemplateComponents,
	flowTokenOf,
	templateMessageBody,
	type SendComponent,
} from './build';
export { checkTemplateComponents } from './check';
