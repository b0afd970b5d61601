// ESLint flat config: typescript-eslint, react-hooks, and the import boundaries between shared, renderer and electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'url',
  'stream',
  'util',
  'events',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'resources/',
      'bench/.cache/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '../electron', 'electron'],
              message: 'renderer/ never imports electron/ or Electron: go through renderer/src/host.',
            },
            { group: ['node:*', ...nodeBuiltins], message: 'The renderer is a sandboxed web page: no Node built-ins.' },
          ],
          paths: [
            {
              name: '@ant-design/icons',
              message: 'Import icons from renderer/src/ui/icons: they are decorative there (no English aria-label).',
            },
            {
              name: 'antd',
              importNames: ['InputNumber'],
              message: 'Use NumberInput from renderer/src/ui: antd names its arrows 「Increase Value」 in English.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // A bare allowClear gives the clear button rc-select's English name 「Clear」 (or none, on an Input).
          selector:
            "JSXOpeningElement[name.name=/^(Select|Input|AutoComplete)$/] > JSXAttribute[name.name='allowClear'][value=null], JSXOpeningElement[name.object.name='Input'] > JSXAttribute[name.name='allowClear'][value=null]",
          message: 'Pass SELECT_CLEAR / INPUT_CLEAR from renderer/src/ui/controlLabels: they name the button 清除.',
        },
      ],
    },
  },
  {
    // The modules that wrap the icon library and antd's number box.
    files: ['renderer/src/ui/icons.tsx', 'renderer/src/ui/NumberInput.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Renderer tests run in Node (happy-dom): they may read fixtures and use Node's Blob, the page code may not.
    files: ['test/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '../electron', 'electron'],
              message: 'renderer/ never imports electron/ or Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'electron',
                'react',
                'react-dom',
                'dexie',
                'dexie-react-hooks',
                'antd',
                'node:*',
                ...nodeBuiltins,
                '**/renderer/**',
                '**/electron/**',
              ],
              message: 'shared/ is pure TypeScript: no Electron, Node, React, Dexie or DOM code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }] },
      ],
    },
  },
);
