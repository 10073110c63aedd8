import n8nCommunityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

/**
 * The one exception to n8n's "no runtime dependencies" rule. libphonenumber-js carries Google's
 * numbering plans, which this package needs to read the phone numbers users type and to fold the
 * variants WhatsApp reports into one contact; re-implementing them would be wrong within months.
 * It is allowed in package.json `dependencies` and imported by this one file only.
 */
const RUNTIME_DEPENDENCY = 'libphonenumber-js';
const RUNTIME_DEPENDENCY_IMPORTER = 'nodes/Dialog360/domain/phone.ts';

const onlyDeclaredRuntimeDependency = {
	meta: { type: 'problem', schema: [], messages: { other: `Only "${RUNTIME_DEPENDENCY}" may be a runtime dependency (found "{{name}}").` } },
	create(context) {
		return {
			'Property[key.value="dependencies"] > ObjectExpression > Property'(node) {
				if (node.key.value !== RUNTIME_DEPENDENCY) context.report({ node, messageId: 'other', data: { name: node.key.value } });
			},
		};
	},
};
const local = { rules: { 'only-declared-runtime-dependency': onlyDeclaredRuntimeDependency } };

const typescriptFiles = ['credentials/**/*.ts', 'nodes/**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/e2e/.work/**', 'gulpfile.js', 'jest.config.js'] },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	{ ...n8nCommunityNodes.configs.recommended, files: [...typescriptFiles, 'package.json'] },
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		plugins: { 'n8n-nodes-base': n8nNodesBase, local },
		rules: {
			...n8nNodesBase.configs.community.rules,
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
			'local/only-declared-runtime-dependency': 'error',
		},
	},
	{ files: ['credentials/**/*.ts'], plugins: { 'n8n-nodes-base': n8nNodesBase }, rules: n8nNodesBase.configs.credentials.rules },
	{ files: ['nodes/**/*.ts'], plugins: { 'n8n-nodes-base': n8nNodesBase }, rules: n8nNodesBase.configs.nodes.rules },
	{
		// The same three rules n8n's own community-node lint config (@n8n/node-cli) switches off: they ask
		// for the string 'main' where @n8n/community-nodes requires NodeConnectionTypes.Main, and for a
		// camelCase documentationUrl where a full URL is required.
		files: typescriptFiles,
		rules: {
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{ files: [RUNTIME_DEPENDENCY_IMPORTER], rules: { '@n8n/community-nodes/no-restricted-imports': 'off' } },
	{
		files: typescriptFiles,
		rules: { 'no-console': 'error' },
	},
	{
		files: ['test/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
];
