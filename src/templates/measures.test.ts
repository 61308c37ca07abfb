import { MEASURES, targetKey } from "./measures";
import { validateMeasures } from "./validate";
import { statementsIn } from "../engine/report/statements";

/** Per measure: sentences that state it (with the figure they state) and sentences that must not. */
const EXAMPLES: Record<string, { states: Array<[string, string]>; not: string[] }> = {
  inspection: {
    states: [
      ["全年开展行政检查120次。", "120次"],
      ["开展行政检查共计一百二十次", "一百二十次"],
    ],
    not: ["开展涉企行政检查30次。", "开展行政检查，发现问题12个。", "开展执法巡查120次。"],
  },
  penalty: {
    states: [
      ["作出行政处罚决定9件。", "9件"],
      ["办理行政处罚案件十二宗", "十二宗"],
      ["作出行政处罚决定一共9件", "9件"],
    ],
    not: ["细化行政处罚裁量基准12个。", "不予行政处罚3件。", "委托文件已过有效期且行政处罚金额仅5000元。", "剩余1宗已进行行政处罚。", "涉企行政处罚6件。"],
  },
  filed: {
    states: [
      ["立案查处自然资源违法行为12件，罚款589万余元。", "12件"],
      ["全年查处违法用地案件15宗", "15宗"],
    ],
    not: ["公安机关刑事立案2件。", "下发疑似违法图斑139宗。", "不予立案3件。"],
  },
  fines: {
    states: [
      ["收取罚没款4,005,196.42元。", "4,005,196.42元"],
      ["罚没金额约400万元", "约400万元"],
      ["罚没收入１２万元", "１２万元"],
    ],
    not: ["罚没款400万余次", "涉企罚没金额907480元。", "提升委托执法罚没额度至5000元。", "收缴罚没款400万元"],
  },
  fine: {
    states: [
      ["罚款589万余元", "589万余元"],
      ["处罚款5000元", "5000元"],
    ],
    not: ["并处十万元以上一百万元以下罚款。", "行政处罚金额仅5000元。", "罚款标准为每平方米10元"],
  },
  collected: {
    states: [
      ["已执收到位512万余元。", "512万余元"],
      ["收缴罚款30万元", "30万元"],
    ],
    not: ["执收工作有序开展3次。", "已执收到位五成。"],
  },
  transfer: {
    states: [
      ["移送司法机关案件2件。", "2件"],
      ["向公安机关移送涉嫌犯罪案件三起", "三起"],
    ],
    not: ["移送司法机关未立案1件。", "移送纪委监委线索2件。"],
  },
  enterprisePenalty: {
    states: [["涉企行政处罚6件", "6件"]],
    not: ["涉企行政处罚金额907480元", "对企业不予行政处罚2件"],
  },
  enterpriseInspection: {
    states: [["开展涉企行政检查30次", "30次"]],
    not: ["开展涉企行政检查，覆盖企业30家"],
  },
};

describe("the measures of the report body", () => {
  test("are valid against their schema, and every label is a cell of its table", () => {
    expect(validateMeasures().map((m) => m.id)).toEqual(MEASURES.map((m) => m.id));
    for (const m of MEASURES) for (const t of m.targets) expect(targetKey(t)).toBeDefined();
  });

  test("a wrong label, relation, a missing reason or a repeated id is refused", () => {
    const fine = MEASURES.find((m) => m.id === "fine")!;
    expect(() => validateMeasures([{ ...fine, targets: [{ table: "A2", label: "罚没金额" }] }])).toThrow(/no 罚没金额 in A2/);
    expect(() => validateMeasures([{ ...fine, relation: "less" }])).toThrow();
    expect(() => validateMeasures([{ ...fine, why: undefined }])).toThrow(/says why/);
    expect(() => validateMeasures([{ ...fine, not: ["罚款"] }])).toThrow(/both required and refused/);
    expect(() => validateMeasures([fine, fine])).toThrow(/duplicate measure ids/);
  });

  test("every measure has examples", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(MEASURES.map((m) => m.id).sort());
  });

  for (const m of MEASURES) {
    describe(m.id, () => {
      const ex = EXAMPLES[m.id] ?? { states: [], not: [] };
      test.each(ex.states)("states it: %s", (sentence, figure) => {
        expect(statementsIn(1, sentence).map((s) => [s.measure.id, s.figure.text])).toContainEqual([m.id, figure]);
      });
      test.each(ex.not.map((s) => [s]))("does not: %s", (sentence) => {
        expect(statementsIn(1, sentence).map((s) => s.measure.id)).not.toContain(m.id);
      });
    });
  }

  test("of two measures, the word nearest the figure decides", () => {
    const ids = (s: string) => statementsIn(1, s).map((x) => `${x.measure.id}:${x.figure.text}`);
    expect(ids("立案查处并作出行政处罚决定9件")).toEqual(["penalty:9件"]);
    expect(ids("行政处罚决定中立案12件")).toEqual(["filed:12件"]);
    expect(ids("行政检查120次行政处罚9件")).toEqual(["inspection:120次", "penalty:9件"]);
  });
});
