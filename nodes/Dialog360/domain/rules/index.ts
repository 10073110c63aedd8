/**
 * Every limit and enum the package enforces, as data, one file per concern: messages.ts, media.ts,
 * profile.ts, templates.ts. When Meta or 360dialog changes a rule, it changes there. What users read
 * says the rule in words; where each rule comes from is in the comment next to it: 360dialog's and
 * Meta's pages (summarised with their confidence in the project's API reference), or our reading
 * where no page says it. This file holds the shape they share.
 */

export interface LengthRule {
	min?: number;
	max: number;
}
