/** Types for src/boot/boot.js, as tests/boot.test.ts requires it (the browser runs the file as it is). */
export type Pane = "modern" | "classic" | "unsupported";
export type Page = "taskpane" | "index";
export type Features = Record<string, boolean>;
export const FEATURES: string[];
export function xzzfDetectFeatures(win: unknown): Features;
export function xzzfOldEngine(ua: string): "trident" | "edgehtml" | null;
export function xzzfMissingFeatures(features: Features): string[];
export function xzzfChoosePane(ua: string, features: Features, page: Page): Pane;
export function xzzfBoot(win: Window, doc: Document): void;
