/**
 * The classic pane's stylesheet, as text so it needs no CSS loader. Written for IE11 and EdgeHTML 18:
 * no custom properties, no grid, no flex gap (margins instead), no sticky, no outline-offset on what
 * must show focus. The severity fills are the workbook's marks (MARK_FILLS), so the pane and the
 * cells speak the same colours.
 */
import { MARK_FILLS } from "../host/types";

const FONT = '"Microsoft YaHei", "微软雅黑", "Segoe UI", "Segoe UI Web (West European)", -apple-system, sans-serif';
const MONO = 'Consolas, "Courier New", monospace';
const BLUE = "#0078D4";
const BLUE_HOVER = "#106EBE";
const BLUE_PRESSED = "#005A9E";
const TEXT = "#201F1E";
const TEXT_SOFT = "#605E5C";
const LINE = "#EDEBE9";

/** The accent of each severity, dark enough for text on white (Excel's "Bad"/"Neutral" cell styles). */
const SEVERITY_INK = { error: "#A4262C", warning: "#8A5300", info: "#1F4E79" };

export const CLASSIC_CSS = `
html, body { height: 100%; margin: 0; padding: 0; }
[data-pane="classic"] { height: 100%; }
.xc-pane {
  display: block; box-sizing: border-box; height: 100%; overflow-x: hidden; overflow-y: auto; -ms-overflow-style: scrollbar;
  padding: 12px; font-family: ${FONT}; font-size: 14px; line-height: 1.45; color: ${TEXT}; background: #FFFFFF;
}
.xc-pane * { box-sizing: border-box; }
.xc-pane h1 { font-size: 16px; font-weight: 600; margin: 0 8px 8px 0; }
.xc-pane h2, .xc-pane h3, .xc-pane h4 { font-size: 14px; font-weight: 600; margin: 8px 0 4px 0; }
.xc-pane p { margin: 4px 0; }
.xc-header { display: -ms-flexbox; display: flex; -ms-flex-wrap: wrap; flex-wrap: wrap; -ms-flex-align: center; align-items: center; -ms-flex-pack: justify; justify-content: space-between; }
.xc-row { display: -ms-flexbox; display: flex; -ms-flex-wrap: wrap; flex-wrap: wrap; -ms-flex-align: center; align-items: center; }
.xc-section { margin: 8px 0 12px 0; }
.xc-inline { display: inline-block; position: relative; }
.xc-offscreen { position: absolute; left: -10000px; top: 0; width: 1px; height: 1px; overflow: hidden; }

.xc-btn {
  font-family: ${FONT}; font-size: 14px; line-height: 20px; min-height: 32px; padding: 5px 12px; margin: 0 8px 8px 0;
  border: 1px solid #8A8886; border-radius: 2px; background: #FFFFFF; color: #323130; cursor: pointer; text-align: center;
}
.xc-btn:hover { background: #F3F2F1; color: ${TEXT}; }
.xc-btn:active { background: #EDEBE9; }
.xc-btn:focus { outline: 2px solid ${BLUE}; }
.xc-btn-primary { background: ${BLUE}; border-color: ${BLUE}; color: #FFFFFF; font-weight: 600; }
.xc-btn-primary:hover { background: ${BLUE_HOVER}; border-color: ${BLUE_HOVER}; color: #FFFFFF; }
.xc-btn-primary:active { background: ${BLUE_PRESSED}; border-color: ${BLUE_PRESSED}; }
.xc-btn-primary:focus { outline: 2px solid #004578; box-shadow: inset 0 0 0 1px #FFFFFF; }
.xc-btn-small { min-height: 24px; padding: 1px 8px; font-size: 12px; margin: 0 4px 4px 0; }
.xc-btn[disabled], .xc-btn[disabled]:hover, .xc-btn[disabled]:active { background: #F3F2F1; border-color: #C8C6C4; color: #A19F9D; cursor: default; box-shadow: none; }
.xc-btn[aria-pressed="true"] { background: #C7E0F4; border-color: ${BLUE}; color: ${TEXT}; }
.xc-link { background: transparent; border: 0; padding: 2px 4px; margin: 0; color: ${BLUE}; font-family: ${FONT}; font-size: 13px; cursor: pointer; text-decoration: underline; }
.xc-link:focus { outline: 2px solid ${BLUE}; }

.xc-status { min-height: 24px; }
.xc-spinner {
  display: inline-block; width: 14px; height: 14px; margin: 0 6px 0 0; vertical-align: middle;
  border: 2px solid #C7E0F4; border-top-color: ${BLUE}; border-radius: 50%; animation: xc-spin 0.8s linear infinite;
}
@keyframes xc-spin { from { transform: rotate(0deg); } to { transform: rotate(360deg); } }

.xc-notice { position: relative; margin: 0 0 8px 0; padding: 8px 32px 8px 12px; border-left: 4px solid ${BLUE}; background: #F3F2F1; }
.xc-notice-error { border-left-color: #A4262C; background: #FDE7E9; }
.xc-notice-warning { border-left-color: #8A5300; background: #FFF4CE; }
.xc-notice-success { border-left-color: #107C10; background: #DFF6DD; }
.xc-notice-info { border-left-color: ${BLUE}; background: #F3F2F1; }
.xc-notice-title { font-weight: 600; margin: 0 8px 0 0; }
.xc-notice-text { white-space: pre-line; word-wrap: break-word; }
.xc-dismiss { position: absolute; top: 4px; right: 4px; width: 24px; height: 24px; padding: 0; border: 0; background: transparent; color: ${TEXT}; font-size: 16px; line-height: 24px; cursor: pointer; }
.xc-dismiss:hover { background: #E1DFDD; }
.xc-dismiss:focus { outline: 2px solid ${BLUE}; }
.xc-hint { color: ${TEXT_SOFT}; font-size: 12px; }
.xc-message { margin: 4px 0; padding: 6px 8px; border-left: 3px solid ${BLUE}; background: #F3F2F1; }
.xc-message-warning { border-left-color: ${SEVERITY_INK.warning}; background: #FFF4CE; }

.xc-fold { display: block; width: 100%; margin: 0; padding: 6px 4px; border: 0; border-bottom: 1px solid ${LINE}; background: transparent; color: ${TEXT}; font-family: ${FONT}; font-size: 14px; font-weight: 600; text-align: left; cursor: pointer; }
.xc-fold:hover { background: #F3F2F1; }
.xc-fold:focus { outline: 2px solid ${BLUE}; }
.xc-fold-mark { display: inline-block; width: 14px; color: ${TEXT_SOFT}; }
.xc-panel { padding: 4px 0 8px 18px; }

.xc-badge { display: inline-block; min-width: 22px; margin: 0 0 0 6px; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; text-align: center; }
.xc-badge-error { background: ${MARK_FILLS.error}; color: ${SEVERITY_INK.error}; }
.xc-badge-warning { background: ${MARK_FILLS.warning}; color: ${SEVERITY_INK.warning}; }
.xc-badge-info { background: ${MARK_FILLS.info}; color: ${SEVERITY_INK.info}; }

.xc-list { list-style: none; margin: 0; padding: 0; }
.xc-finding { margin: 0 0 4px 0; padding: 0 0 0 6px; border-left: 3px solid #C8C6C4; }
.xc-finding-error { border-left-color: ${SEVERITY_INK.error}; }
.xc-finding-warning { border-left-color: #C19C00; }
.xc-finding-info { border-left-color: ${BLUE}; }
.xc-go { display: block; width: 100%; margin: 0; padding: 3px 4px; border: 0; background: transparent; color: ${TEXT}; font-family: ${FONT}; font-size: 13px; text-align: left; white-space: normal; cursor: pointer; }
.xc-go:hover { background: #F3F2F1; }
.xc-go:focus { outline: 2px solid ${BLUE}; }
.xc-finding-error .xc-go:hover { background: ${MARK_FILLS.error}; }
.xc-finding-warning .xc-go:hover { background: ${MARK_FILLS.warning}; }
.xc-finding-info .xc-go:hover { background: ${MARK_FILLS.info}; }
.xc-cell { font-family: ${MONO}; color: ${TEXT_SOFT}; margin: 0 8px 0 0; }
.xc-explanation { margin: 0 0 2px 4px; color: ${TEXT_SOFT}; font-size: 12px; }
.xc-note { padding: 2px 0 4px 4px; }

.xc-field { margin: 0 0 8px 0; }
.xc-label { display: block; margin: 0 0 2px 0; font-weight: 600; }
.xc-input, .xc-textarea {
  width: 100%; max-width: 28em; padding: 4px 8px; border: 1px solid #8A8886; border-radius: 2px; background: #FFFFFF;
  color: ${TEXT}; font-family: ${FONT}; font-size: 14px;
}
.xc-input-short { width: 8em; }
.xc-textarea { min-height: 4.5em; resize: vertical; }
.xc-input:focus, .xc-textarea:focus { outline: 2px solid ${BLUE}; border-color: ${BLUE}; }
.xc-input[disabled] { background: #F3F2F1; color: #A19F9D; }
.xc-suffix { margin: 0 0 0 4px; }
.xc-choice { display: block; margin: 2px 0; }
.xc-choice input { margin: 0 6px 0 0; vertical-align: middle; }
.xc-choice input:focus, .xc-check:focus, .xc-file:focus { outline: 2px solid ${BLUE}; }
.xc-fieldset { border: 0; margin: 0 0 8px 0; padding: 0; }
.xc-fieldset legend { padding: 0; font-weight: 600; }

.xc-table { width: 100%; border-collapse: collapse; margin: 4px 0 8px 0; font-size: 13px; }
.xc-table th, .xc-table td { padding: 4px; border-bottom: 1px solid ${LINE}; text-align: left; vertical-align: top; word-wrap: break-word; }
.xc-table th { font-weight: 600; border-bottom-color: #C8C6C4; }
.xc-mono { font-family: ${MONO}; }
.xc-small { display: block; font-size: 12px; color: ${TEXT_SOFT}; }
.xc-conflict { color: ${SEVERITY_INK.error}; font-weight: 600; }

.xc-overlay { position: fixed; top: 0; right: 0; bottom: 0; left: 0; z-index: 10; background: rgba(0, 0, 0, 0.4); overflow-y: auto; -ms-overflow-style: scrollbar; }
.xc-dialog { margin: 16px auto; max-width: 560px; width: 92%; padding: 16px; background: #FFFFFF; border: 1px solid #C8C6C4; box-shadow: 0 6px 20px rgba(0, 0, 0, 0.3); }
.xc-dialog h2 { font-size: 16px; margin: 0 0 8px 0; }
.xc-dialog-actions { margin: 12px 0 0 0; }

.xc-costs { margin: 0; padding: 0 0 0 18px; }
.xc-costs li { margin: 0 0 4px 0; }

@media (-ms-high-contrast: active) {
  .xc-pane, .xc-dialog, .xc-notice, .xc-message, .xc-input, .xc-textarea { background: Window; color: WindowText; border-color: WindowText; }
  .xc-btn, .xc-btn-primary, .xc-fold, .xc-go, .xc-link, .xc-dismiss { background: ButtonFace; color: ButtonText; border-color: ButtonText; background-image: none; }
  .xc-btn:hover, .xc-btn-primary:hover, .xc-fold:hover, .xc-go:hover, .xc-dismiss:hover, .xc-finding-error .xc-go:hover, .xc-finding-warning .xc-go:hover, .xc-finding-info .xc-go:hover { background: Highlight; color: HighlightText; }
  .xc-btn:focus, .xc-btn-primary:focus, .xc-fold:focus, .xc-go:focus, .xc-link:focus, .xc-dismiss:focus, .xc-input:focus, .xc-textarea:focus, .xc-choice input:focus, .xc-check:focus { outline: 2px solid Highlight; box-shadow: none; }
  .xc-btn[aria-pressed="true"] { background: Highlight; color: HighlightText; border-color: Highlight; }
  .xc-btn[disabled], .xc-btn[disabled]:hover, .xc-btn[disabled]:active { background: ButtonFace; color: GrayText; border-color: GrayText; }
  .xc-badge { background: Window; color: WindowText; border: 1px solid WindowText; }
  .xc-finding, .xc-finding-error, .xc-finding-warning, .xc-finding-info, .xc-notice { border-left-color: WindowText; }
  .xc-spinner { border-color: GrayText; border-top-color: Highlight; }
  .xc-hint, .xc-small, .xc-cell, .xc-explanation { color: WindowText; }
  .xc-conflict { color: WindowText; text-decoration: underline; }
  .xc-overlay { background: Window; }
  .xc-table th, .xc-table td { border-color: WindowText; }
}
`;
