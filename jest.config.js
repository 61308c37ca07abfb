/** @type {import('jest').Config} */
const tsJest = ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "CommonJS", moduleResolution: "node", esModuleInterop: true, isolatedModules: true } }];
module.exports = {
  // Two cores: keep one for the browser and the dev server of the e2e test.
  maxWorkers: process.env.CI ? 2 : "50%",
  testTimeout: 30000,
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/tests/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/"],
      moduleNameMapper: {
        // office-addin-mock imports office-addin-manifest, whose dependencies are ESM-only; the mock never needs it.
        "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js",
      },
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/**/*.test.tsx", "<rootDir>/tests/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/tests/setup-dom.ts"],
      moduleNameMapper: {
        "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js",
        "\\.(css|png|svg)$": "<rootDir>/tests/stubs/asset.js",
      },
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
    },
  ],
};
