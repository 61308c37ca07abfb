/**
 * A body finding in the findings list: its sentence with the figure emphasised, the paragraph named
 * once, the message without its own copy of the quote; the document's text shown as text, never markup.
 */
import "../../tests/helpers/domStubs";
import { render, screen, within } from "@testing-library/react";
import type { Analysis } from "../check/analyse";
import type { BodyQuote, Finding } from "../engine/findings";
import { translator, type Lang } from "../i18n";
import { FindingsView, messageWithoutQuote, quoteParts } from "./FindingsView";
import { I18nContext } from "./i18nContext";

const SENTENCE = "立案查处自然资源违法行为12件，罚款589万余元，已执收到位512万余元。";
const quote: BodyQuote = { paragraph: 10, sentence: SENTENCE, figure: "589万余元", start: SENTENCE.indexOf("589万余元") };

function finding(q: BodyQuote, message: string, messageEn = "Paragraph 10: the body states fines"): Finding {
  return { rule: "report-measure-differs", severity: "warning", table: "A2", sheet: "表1", cell: "T7", related: [], message, messageEn, quote: q } as Finding;
}

function show(f: Finding, lang: Lang = "zh") {
  const analysis = { tables: [{}], findings: [f], state: { marks: [], notes: [], prior: [] }, year: 2024 } as unknown as Analysis;
  return render(
    <I18nContext.Provider value={{ lang, t: translator(lang) }}>
      <FindingsView analysis={analysis} stale={false} busy={false} onSelect={() => undefined} onSaveNote={async () => true} />
    </I18nContext.Provider>,
  );
}

describe("quoteParts", () => {
  it("keeps a short sentence whole, split around the figure", () => {
    expect(quoteParts(quote)).toEqual(["立案查处自然资源违法行为12件，罚款", "589万余元", "，已执收到位512万余元。"]);
  });

  it("cuts a long sentence around the figure, more before it than after, with …", () => {
    const long = `${"甲".repeat(200)}罚款589万余元${"乙".repeat(200)}`;
    const [before, figure, after] = quoteParts({ ...quote, sentence: long, start: 202 }, 40);
    expect(figure).toBe("589万余元");
    expect(before.startsWith("…")).toBe(true);
    expect(after.endsWith("…")).toBe(true);
    expect(before.length - 1).toBeGreaterThan(after.length - 1);
    expect(before.length - 1 + figure.length + after.length - 1).toBe(40);
    expect(before.endsWith("罚款")).toBe(true);
  });

  it("a figure at the very start or end", () => {
    expect(quoteParts({ ...quote, sentence: "589万余元罚款", start: 0 })).toEqual(["", "589万余元", "罚款"]);
    expect(quoteParts({ ...quote, sentence: "罚款589万余元", start: 2 })).toEqual(["罚款", "589万余元", ""]);
  });
});

describe("messageWithoutQuote", () => {
  const zh = `第10段「立案查处自然资源违法行为12件，罚款【589万余元】，已执收到位512万余元。」：正文所述罚款「589万余元」多于附件2的 4005196.42 元。`;
  it("drops the place and quote the quote line shows", () => {
    expect(messageWithoutQuote(zh, quote, "zh")).toBe("正文所述罚款「589万余元」多于附件2的 4005196.42 元。");
    expect(messageWithoutQuote("Paragraph 10: the body states fines", quote, "en")).toBe("the body states fines");
  });

  it("leaves a message that does not start so as it is", () => {
    expect(messageWithoutQuote("正文所述罚款多于罚没金额。", quote, "zh")).toBe("正文所述罚款多于罚没金额。");
    expect(messageWithoutQuote(zh, { ...quote, paragraph: 3 }, "zh")).toBe(zh);
    expect(messageWithoutQuote("Paragraph 3: x", quote, "en")).toBe("Paragraph 3: x");
  });
});

describe("FindingsView with a body finding", () => {
  it("shows the sentence once, the figure emphasised, and 第N段 once", () => {
    const zh = `第10段「立案查处自然资源违法行为12件，罚款【589万余元】，已执收到位512万余元。」：正文所述罚款「589万余元」多于罚没金额。`;
    show(finding(quote, zh));
    const li = screen.getByTestId("finding");
    const line = within(li).getByTestId("finding-quote");
    expect(line.textContent).toBe(`第10段「${SENTENCE}」`);
    expect(line.querySelector("mark")!.textContent).toBe("589万余元");
    expect(li.textContent!.split("第10段")).toHaveLength(2);
    expect(li.textContent!.split("已执收到位")).toHaveLength(2);
    expect(li.textContent).toContain("正文所述罚款「589万余元」多于罚没金额。");
  });

  it("English: Paragraph N on the quote line, not in the message", () => {
    show(finding(quote, "x", "Paragraph 10: the body states fines of 589万余元"), "en");
    const li = screen.getByTestId("finding");
    expect(within(li).getByTestId("finding-quote")).toHaveTextContent("Paragraph 10");
    expect(li.textContent!.split("Paragraph 10")).toHaveLength(2);
  });

  it("the document's text is text: markup in a sentence is shown, never made", () => {
    const hostile = `<img src=x onerror="alert(1)"><b>罚款</b>589万余元`;
    const q = { ...quote, sentence: hostile, start: hostile.indexOf("589万余元") };
    const { container } = show(finding(q, "正文所述罚款多于罚没金额。"));
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByTestId("finding-quote").textContent).toBe(`第10段「${hostile}」`);
  });

  it("a finding without a quote has no quote line", () => {
    const f = { ...finding(quote, "正文"), quote: undefined };
    show(f);
    expect(screen.queryByTestId("finding-quote")).toBeNull();
  });
});
