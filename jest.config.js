/** @type {import('jest').Config} */
// `npm run test:fast`: the quick loop while working; it leaves out the suites that build bundles,
// start browsers or other programs, or fuzz (all still run in `npm test`).
const FAST = process.env.XZZF_FAST === "1";
const SLOW = FAST
  ? [
      "<rootDir>/tests/build.test.ts",
      "<rootDir>/tests/deploy.test.ts",
      "<rootDir>/tests/libreoffice.test.ts",
      "<rootDir>/tests/es5/duktape.test.ts",
      "<rootDir>/tests/robust/fuzz.test.ts",
      "<rootDir>/tests/cli/convert.test.ts",
    ]
  : [];
const tsJest = ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "CommonJS", moduleResolution: "node", esModuleInterop: true, isolatedModules: true } }];
module.exports = {
  // Two cores: keep one for the browser and the dev server of the e2e test.
  maxWorkers: process.env.CI ? 2 : "50%",
  // A jsdom worker's heap grew to 1.1 GB over the dom suites (--logHeapUsage), and at the end jest
  // force-killed it ("A worker process has failed to exit gracefully"). A worker above this is
  // replaced between test files: jest's documented work-around for memory its workers keep.
  workerIdleMemoryLimit: "512MB",
  testTimeout: 30000,
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/tests/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/", ...SLOW],
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/**/*.test.tsx", "<rootDir>/tests/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/tests/setup-dom.ts"],
      moduleNameMapper: {
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
