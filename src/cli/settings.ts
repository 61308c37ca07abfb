/** Options shared by the commands that analyse: --threshold and --prior. */
import type { Settings } from "../rules/types";
import { CliError, type Tr } from "./io";

/** `--threshold 25` (or `25%`) → changeThreshold 0.25. */
export function parseThreshold(raw: string | undefined, t: Tr): Partial<Settings> {
  if (raw === undefined) return {};
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(raw);
  const pct = m ? Number(m[1]) : NaN;
  if (!Number.isFinite(pct) || pct <= 0 || pct > 10000) {
    throw new CliError(
      t(
        `--threshold 应为大于 0 的百分数，例如 --threshold 30（表示 30%），收到“${raw}”。`,
        `--threshold must be a percentage above 0, e.g. --threshold 30 (30%); got "${raw}".`,
      ),
    );
  }
  return { changeThreshold: pct / 100 };
}
