import rule from "./unfiled-unexplained";
import { a2With, a3With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

ruleTester(
  rule,
  { id: "unfiled-unexplained", severity: "warning" },
  {
    valid: [
      { name: "the seed's four tables (0 transfers)", workbook: seedSnapshot() },
      {
        name: "reasons given",
        workbook: a2With({ transfer: [0, "3(1)"] }, { explanations: { transfer: "移送3件，其中1件公安机关认为不构成犯罪，决定不予立案" } }),
      },
      { name: "no case left unfiled", workbook: a2With({ transfer: [0, "3(0)"] }) },
      { name: "transfers without M", workbook: a2With({ transfer: [0, 3] }) },
      { name: "only the prior year had cases not placed on file", workbook: a2With({ transfer: ["3(1)", 2] }) },
      { name: "附件3 has no transfers", workbook: a3With({}) },
    ],
    invalid: [
      {
        name: "M > 0 and no explanation",
        workbook: a2With({ transfer: [0, "3(1)"] }, { explanations: { transfer: null } }),
        findings: [{ table: "A2", cell: "V7", says: ["移送司法机关刑事案件件数(其中未立案数)", "2024年", "未立案 1 件", "未立案的主要原因"], related: ["U9"] }],
      },
      {
        name: "the seed's fragment `和未立案的主要原因)` is not the reasons",
        workbook: a2With({ transfer: [0, "2(2)"] }),
        findings: [{ table: "A2", cell: "V7", says: ["移送 2 件", "未立案 2 件"], related: ["U9"] }],
      },
      {
        name: "an explanation of the change that says nothing about filing",
        workbook: a2With({ transfer: [1, "3（1）"] }, { explanations: { transfer: "加大打击力度，移送涉嫌犯罪案件增加" } }),
        findings: [{ table: "A2", cell: "V7", says: ["移送司法机关刑事案件件数"], related: ["U9"] }],
      },
    ],
  },
);
