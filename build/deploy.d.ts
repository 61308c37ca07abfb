/** Types for build/deploy.js (used by the tests). */
export const DEFAULT_PUBLIC_URL: string;
export function normalizePublicUrl(value: unknown): string;
export function manifestForPublicUrl(xml: string, publicUrl: string): string;
export function catalogGuid(catalogPath: string): string;
export function registerCatalogReg(catalogPath: string): { guid: string; path: string; text: string; bytes: Buffer };
