/** Types for build/officeJs.js (used by the tests). */
export const OFFICE_JS_DIST: string;
export const OFFICE_JS_VERSION: string;
export function officeJsFiles(): string[];
export function officeJsCopyPatterns(to?: string): Array<{ from: string; to: string; info: Record<string, unknown> }>;
