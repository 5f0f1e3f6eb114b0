// Lint rules for the whole project: TypeScript strict rules for our code, browser globals for SCO scripts and the
// plugin's page script.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "build/**", "reports/**", "test-results/**", "scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["moodle-stack/plugin/**/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: { document: "readonly", EventSource: "readonly" },
    },
  },
  {
    files: ["packages-under-test/**/*.js"],
    rules: { "@typescript-eslint/no-unused-vars": ["error", { caughtErrorsIgnorePattern: "^_" }] },
    languageOptions: {
      globals: { window: "readonly", document: "readonly", localStorage: "readonly", console: "readonly" },
    },
  },
);
