/**
 * The one door to libphonenumber-js (Google's numbering plans). It is a devDependency: the build
 * bundles this file, with only what is exported here, into dist/ (gulpfile.js `bundlePhoneNumbers`),
 * so the published package has no runtime dependency, as n8n Cloud requires.
 */
export { parsePhoneNumberFromString } from 'libphonenumber-js/max';
export type { CountryCode } from 'libphonenumber-js/max';
