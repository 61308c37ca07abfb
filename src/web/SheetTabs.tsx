/**
 * Sheet tabs as the WAI-ARIA tabs pattern, on plain buttons: one Tab stop, arrows/Home/End move
 * between sheets. Written here rather than with Fluent's TabList, which would add ~8 KiB (gzip) to
 * the first screen for four buttons.
 */
import { useRef, type KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: "2px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    appearance: "none",
    border: "none",
    borderBottom: "3px solid transparent",
    background: "none",
    padding: "6px 10px",
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
  },
});

export function tabId(index: number): string {
  return `xzzf-sheet-tab-${index}`;
}

export const PANEL_ID = "xzzf-sheet-panel";

export interface SheetTabsProps {
  names: string[];
  selected: string;
  onSelect(name: string): void;
  /** The tab list's accessible name (default 工作表). */
  label?: string;
}

export function SheetTabs({ names, selected, onSelect, label = "工作表" }: SheetTabsProps) {
  const styles = useStyles();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  const move = (e: KeyboardEvent, index: number) => {
    const last = names.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const i = next < 0 ? last : next > last ? 0 : next;
    onSelect(names[i]);
    refs.current[i]?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {names.map((name, i) => {
        const on = name === selected;
        return (
          <button
            key={name}
            ref={(el) => {
              refs.current[i] = el;
            }}
            id={tabId(i)}
            type="button"
            role="tab"
            aria-selected={on}
            aria-controls={PANEL_ID}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(styles.tab, on && styles.selected)}
            onClick={() => onSelect(name)}
            onKeyDown={(e) => move(e, i)}
          >
            {name}
          </button>
        );
      })}
    </div>
  );
}
