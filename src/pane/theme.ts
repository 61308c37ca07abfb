/**
 * The pane follows Office's theme inside Excel (a dark Office shows a dark pane); the web page is light.
 * Office.context.officeTheme is missing on some platforms and outside Office, hence every guard.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

type OfficeThemeLike = Partial<Pick<Office.OfficeTheme, "isDarkTheme" | "bodyBackgroundColor">>;

/** Relative luminance of `#RRGGBB` (0 black … 1 white); null when the text is not such a colour. */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function isDarkOfficeTheme(theme: OfficeThemeLike | null | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = typeof theme.bodyBackgroundColor === "string" ? luminance(theme.bodyBackgroundColor) : null;
  return l !== null && l < 0.4;
}

function currentOfficeTheme(): OfficeThemeLike | null {
  try {
    const office = (globalThis as { Office?: { context?: { officeTheme?: OfficeThemeLike } } }).Office;
    return office?.context?.officeTheme ?? null;
  } catch {
    return null;
  }
}

export function paneTheme(mode: "excel" | "web", officeTheme: OfficeThemeLike | null = currentOfficeTheme()): Theme {
  return mode === "excel" && isDarkOfficeTheme(officeTheme) ? webDarkTheme : webLightTheme;
}
