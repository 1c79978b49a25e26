// Lint: the recommended JavaScript and typescript-eslint rules, unused code refused, and no line
// past 160 characters (text in strings, templates and regular expressions aside). Formatting
// itself is Prettier's (.prettierrc.json); `npm run lint` runs both.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'fixtures/', 'bench/out/', 'bench/work/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'max-len': [
        'error',
        { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreComments: false },
      ],
      // Making control characters visible is this tool's job (terminal-text.ts, csv.ts): its patterns name them on purpose.
      'no-control-regex': 'off',
    },
  },
  // The installed command's launcher is CommonJS (bin/aiclaim.cjs says why).
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
