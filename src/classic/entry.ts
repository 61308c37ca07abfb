/**
 * The classic bundle's entry (webpack entry "classic"): Excel 2016/2019 in Trident or EdgeHTML. It only
 * wires the globals to startup.ts, where the logic (and its tests) live.
 */
// IE11 has no String.prototype.normalize; the engine folds labels and figures with NFKC (engine/nfkc.ts).
import "../engine/nfkcTable";
import { OfficeHost } from "../host/office/officeHost";
import { showMountFailure, startClassic, type OfficeLike } from "./startup";

document.documentElement.setAttribute("data-pane", "classic");

const root = document.getElementById("root");
if (root) {
  const office = typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
  startClassic(root, { office, createHost: () => new OfficeHost({ copyIntoWorkbook: true }) }).then(undefined, (err: unknown) => showMountFailure(root, err));
}
