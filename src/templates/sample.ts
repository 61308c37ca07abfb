/**
 * The seed report's four tables (湘潭县自然资源局, 2024), entered from the report text. The web page
 * opens them as its sample workbook, and the tests check the engine against the findings the spec
 * lists for them.
 */
import type { CellValue } from "../grid/grid";
import type { TableId } from "./schema";
import type { LayoutOptions } from "./layout";

export const SEED_YEAR = 2024;
export const SEED_UNIT = "湘潭县自然资源局";
export const SEED_CONTACT = "王洪江15197167768";

const PENALTY_REASON = "强化自然资源领域日常监管执法，加大力度开展日常巡查和矿山巡查工作";
const FINES_REASON = "强化日常监管，提升巡查质量，加强执法办案，打击违法行为，认真做好卫片执法检查工作";

type Pair = [CellValue, CellValue];

const A2_VALUES: Record<string, Pair> = {
  permit: [0, 0],
  confirm: [0, 0],
  coercion: [0, 0],
  ruling: [0, 0],
  inspection: [0, 0],
  penalty: [7, 9],
  complaint: [0, 0],
  review: [0, 0],
  fines: [818000.7, 4005196.42],
  transfer: [0, 0],
};

const A3_VALUES: Record<string, Pair> = {
  penalty: [5, 6],
  coercion: [0, 0],
  inspection: [0, 0],
  fines: [272485, 907480],
  complaint: [0, 0],
  review: [0, 0],
  exemptCases: [0, 0],
  exemptAmount: [0, 0],
  mitigatedCases: [0, 0],
  mitigatedAmount: [0, 0],
  prudentCoercion: [0, 0],
};

const A4_ROW: Record<string, CellValue> = {
  name: "自然资源执法股",
  establishment: 16,
  staffAdmin: 0,
  staffInstitution: 16,
  staffWorker: 10,
  certified: 11,
  squadCertified: 0,
  trainingPersons: 26,
  trainingHours: 1600,
  recorders: 11,
  penRecorders: 0,
  uniforms: 0,
  vehicles: 3,
  otherEquipment: 0,
  monitoringField: 0,
  monitoringDevices: 0,
  monitoringFines: 0,
};

const A5_ROW: Record<string, CellValue> = {
  name: SEED_UNIT,
  platform: "否",
  transferred: "无",
  filed: "无",
  notFiled: "无",
  notProsecuted: "无",
  reverseReceived: "无",
  reverseFiled: "无",
  reverseNotPenalised: "无",
};

/** Layout options that reproduce the seed's tables. */
export function seedLayoutOptions(id: TableId): LayoutOptions {
  const base = { year: SEED_YEAR, unit: SEED_UNIT, contact: SEED_CONTACT };
  switch (id) {
    case "A2":
      return {
        ...base,
        yearly: {
          unit: SEED_UNIT,
          values: A2_VALUES,
          explanations: { penalty: PENALTY_REASON, fines: FINES_REASON, transfer: "和未立案的主要原因)" },
        },
      };
    case "A3":
      return {
        ...base,
        yearly: { unit: SEED_UNIT, values: A3_VALUES, explanations: { penalty: PENALTY_REASON, fines: FINES_REASON } },
      };
    case "A4":
      return { ...base, columns: { rows: [A4_ROW] } };
    case "A5":
      return { ...base, columns: { rows: [A5_ROW] } };
  }
}
