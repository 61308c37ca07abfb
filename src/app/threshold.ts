/**
 * The pane's 变化幅度阈值 field (a percentage, 1–1000) as check settings. The pane's 校验 and the web
 * page's 与旧版对比 read the same field, so both judge a change alike.
 */
import type { Settings } from "../rules/types";

/** The settings the field gives; null when its text is not such a percentage. */
export function thresholdSettings(value: string): Partial<Settings> | null {
  const pct = Number(value.trim());
  if (!value.trim() || !Number.isFinite(pct) || pct < 1 || pct > 1000) return null;
  return { changeThreshold: pct / 100 };
}
