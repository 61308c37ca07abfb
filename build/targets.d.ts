/** Types for build/targets.js (used by the tests). */
export const CLASSIC: string[];
export const MODERN: string[];
