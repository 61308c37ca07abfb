/** The frame both screens of the web page share (one file, or a batch): a switch between them keeps its place. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePageStyles = makeStyles({
  app: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px 16px",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: "16px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  /** A native file input kept focusable inside the label drawn around it. */
  fileInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    opacity: 0,
    overflow: "hidden",
  },
});
