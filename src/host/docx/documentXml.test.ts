import { DocumentXmlError, MAX_PARAGRAPH_TEXT, MAX_TABLE_DEPTH, parseDocumentXml, type RawTable } from "./documentXml";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const run = (t: string) => `<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="left"/></w:pPr>${runs.map((r) => (r.startsWith("<") ? r : run(r))).join("")}</w:p>`;
const tc = (content: string, props = "") => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${content || "<w:p/>"}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr><w:trPr/>${cells.join("")}</w:tr>`;
const tbl = (...rows: string[]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>${rows.join("")}</w:tbl>`;

const parse = (body: string) => parseDocumentXml(doc(body), 1000);
/** The table's cells as `row,col=text`. */
const cells = (t: RawTable) => t.cells.map((c) => `${c.row},${c.col}=${c.text}`);

describe("paragraphs", () => {
  it("joins the runs of a paragraph, trims it and drops empty ones", () => {
    const d = parse(p("立案查处", "1", "2件，罚款", "589", "万余元") + p() + p("  ", "\u3000") + p("\u3000\u3000第二段 "));
    expect(d.paragraphs).toEqual(["立案查处12件，罚款589万余元", "第二段"]);
  });

  it("ignores what falls between runs inside a number: bookmarks, proofing marks, empty runs, field boundaries", () => {
    const d = parse(
      p(
        "罚款5",
        '<w:bookmarkStart w:id="0" w:name="a"/>',
        "8",
        '<w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellStart"/>',
        "<w:r><w:rPr/></w:r>",
        "9",
        '<w:proofErr w:type="spellEnd"/>',
        "万元",
      ),
    );
    expect(d.paragraphs).toEqual(["罚款589万元"]);
  });

  it("reads tabs, breaks and non-breaking hyphens inside runs, not tab stops of the paragraph", () => {
    const d = parse(
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>` +
        `<w:r><w:t>执法单位：甲</w:t><w:tab/><w:t>联系人：乙</w:t><w:br/><w:t>0731</w:t><w:noBreakHyphen/><w:t>5712345</w:t><w:cr/><w:t>完</w:t></w:r></w:p>`,
    );
    expect(d.paragraphs).toEqual(["执法单位：甲\t联系人：乙\n0731-5712345\n完"]);
  });

  it("skips deleted text, moved-away text, field codes and ruby text; keeps insertions and field results", () => {
    const d = parse(
      p(
        "共",
        '<w:del w:id="1" w:author="a"><w:r><w:delText>13</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="a"><w:r><w:t>12</w:t></w:r></w:ins>',
        "件",
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "，第3页",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        "<w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhí</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>执</w:t></w:r></w:rubyBase></w:ruby>",
      ),
    );
    expect(d.paragraphs).toEqual(["共12件，第3页执"]);
  });

  it("does not read hidden runs (w:vanish), which Word neither shows nor prints", () => {
    const d = parse(
      p("罚款", "<w:r><w:rPr><w:vanish/></w:rPr><w:t>100</w:t></w:r>", '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>589</w:t></w:r>', "万元"),
    );
    expect(d.paragraphs).toEqual(["罚款589万元"]);
  });

  it("reads through content controls, smart tags, hyperlinks, simple fields and custom XML", () => {
    const d = parse(
      '<w:sdt><w:sdtPr><w:alias w:val="单位"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent>' +
        p('<w:smartTag w:uri="u" w:element="place">' + run("湘潭县") + "</w:smartTag>", '<w:hyperlink r:id="rId1">' + run("自然资源局") + "</w:hyperlink>") +
        "</w:sdtContent></w:sdt>" +
        p('<w:fldSimple w:instr=" NUMPAGES ">' + run("7") + "</w:fldSimple>", '<w:customXml w:element="n">' + run("页") + "</w:customXml>"),
    );
    expect(d.paragraphs).toEqual(["湘潭县自然资源局", "7页"]);
  });

  it("reads a content control that shows its placeholder text as empty", () => {
    const sdt = (pr: string, text: string) => `<w:sdt><w:sdtPr>${pr}</w:sdtPr><w:sdtContent><w:r><w:t>${text}</w:t></w:r></w:sdtContent></w:sdt>`;
    const d = parse(
      `<w:p>${run("罚款")}${sdt('<w:placeholder><w:docPart w:val="D1"/></w:placeholder><w:showingPlcHdr/>', "单击或点击此处输入文字。")}</w:p>` +
        `<w:p>${run("罚款")}${sdt('<w:alias w:val="金额"/>', "589万元")}</w:p>`,
    );
    expect(d.paragraphs).toEqual(["罚款", "罚款589万元"]);
  });

  it("ignores old properties of tracked changes and decodes entities and CDATA", () => {
    const d = parse(
      '<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:jc w:val="center"/></w:pPr></w:pPrChange></w:pPr>' +
        '<w:r><w:rPr><w:rPrChange w:id="2"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>A&amp;B &lt;1&gt; &#x4E00;&#20108;</w:t></w:r>' +
        "<!-- a comment <w:t>not text</w:t> --><w:r><w:t><![CDATA[x<y&z]]></w:t></w:r></w:p>",
    );
    expect(d.paragraphs).toEqual(["A&B <1> 一二x<y&z"]);
  });

  it("counts pictures and does not read the text of text boxes", () => {
    const d = parse(
      p(
        "前",
        "<w:r><w:drawing><wp:inline><a:graphic><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></a:graphic></wp:inline></w:drawing></w:r>",
        "后",
      ) +
        p(
          '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><v:shape><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
        ),
    );
    expect(d.paragraphs).toEqual(["前后"]);
    expect(d.bodyPictures).toBe(2);
  });

  // A trim by regexp (/\s+$/) takes time growing with the square of a run of blanks not at the end:
  // minutes here, past the test's timeout.
  it("trims a paragraph of 400 000 blanks, and cuts it to MAX_PARAGRAPH_TEXT", () => {
    const d = parse(p(" ".repeat(100_000) + "x" + "\u3000".repeat(200_000) + "y" + " ".repeat(100_000)));
    expect(d.paragraphs[0]).toHaveLength(MAX_PARAGRAPH_TEXT);
    expect(d.paragraphs[0].startsWith("x\u3000")).toBe(true);
  });

  it("skips a DOCTYPE with an internal subset without expanding its entities, and many markup declarations in linear time", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "炸弹"><!ENTITY y "&x;&x;">]>` + doc(p("&amp;y;") + "<!x>".repeat(200_000) + p("完"));
    expect(parseDocumentXml(xml.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', ""), 10).paragraphs).toEqual(["&y;", "完"]);
  });

  it("refuses XML cut off inside a tag", () => {
    const xml = doc(p("一") + tbl(tr(tc(p("二")))));
    expect(() => parseDocumentXml(xml.slice(0, xml.indexOf("<w:tc>") + 4), 1000)).toThrow(DocumentXmlError);
  });
});

describe("tables", () => {
  it("places cells at their grid column: gridSpan is a horizontal merge, gridBefore skips columns", () => {
    const d = parse(
      tbl(
        tr(tc(p("序号")), tc(p("行政许可(件)"), '<w:gridSpan w:val="2"/>'), tc(p("行政确认(件)"), '<w:gridSpan w:val="2"/>')),
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc(p("2023")) + tc(p("2024")) + tc(p("2023")) + tc(p("2024")) + "</w:tr>",
      ),
    );
    const t = d.tables[0];
    expect(cells(t)).toEqual(["0,0=序号", "0,1=行政许可(件)", "0,3=行政确认(件)", "1,1=2023", "1,2=2024", "1,3=2023", "1,4=2024"]);
    expect(t.merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 0, right: 4 },
    ]);
    expect(t.rows).toBe(2);
  });

  it("vMerge restart/continue is a vertical merge; a continued cell's text is dropped", () => {
    const restart = '<w:vMerge w:val="restart"/>';
    const cont = "<w:vMerge/>";
    const d = parse(
      tbl(
        tr(tc(p("序号"), restart), tc(p("单位"), restart + '<w:gridSpan w:val="2"/>'), tc(p("类别"))),
        tr(tc(p(), cont), tc(p("残留"), '<w:vMerge w:val="continue"/><w:gridSpan w:val="2"/>'), tc(p("许可"))),
        tr(tc(p(), cont), tc(p("甲")), tc(p("乙")), tc(p("1"))),
        tr(tc(p("2")), tc(p("丙"), restart), tc(p()), tc(p("3"))),
      ),
    );
    const t = d.tables[0];
    expect(cells(t)).toEqual(["0,0=序号", "0,1=单位", "0,3=类别", "1,3=许可", "2,1=甲", "2,2=乙", "2,3=1", "3,0=2", "3,1=丙", "3,3=3"]);
    // 序号 spans three rows; 单位 two rows and two columns; 丙's restart with nothing below is no merge
    expect(t.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 2, right: 0 },
        { top: 0, left: 1, bottom: 1, right: 2 },
      ]),
    );
    expect(t.merges).toHaveLength(2);
  });

  it("legacy hMerge continue widens the cell before it", () => {
    const d = parse(tbl(tr(tc(p("正向衔接"), '<w:hMerge w:val="restart"/>'), tc(p(), "<w:hMerge/>"), tc(p("反向衔接")))));
    expect(cells(d.tables[0])).toEqual(["0,0=正向衔接", "0,2=反向衔接"]);
    expect(d.tables[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  it("joins a cell's paragraphs with a line break, dropping empty ones", () => {
    const d = parse(tbl(tr(tc(p("罚没金额") + p() + p("（元）")))));
    expect(cells(d.tables[0])).toEqual(["0,0=罚没金额\n（元）"]);
  });

  it("reads a nested table as a table of its own, after the outer one, without repeating its text in the outer cell", () => {
    const inner = tbl(tr(tc(p("内1")), tc(p("内2"))));
    const d = parse(p("正文") + tbl(tr(tc(p("外左")), tc(p("上") + inner + p("下")))) + p("结尾"));
    expect(d.tables).toHaveLength(2);
    expect(cells(d.tables[0])).toEqual(["0,0=外左", "0,1=上\n下"]);
    expect(cells(d.tables[1])).toEqual(["0,0=内1", "0,1=内2"]);
    expect(d.paragraphs).toEqual(["正文", "结尾"]);
  });

  it("counts the pictures of a table whose cells hold only pictures", () => {
    const pic = "<w:p><w:r><w:drawing><wp:inline/></w:drawing></w:r></w:p>";
    const d = parse(tbl(tr(tc(pic), tc(pic))));
    expect(d.tables[0].cells).toEqual([]);
    expect(d.tables[0].pictures).toBe(2);
    expect(d.bodyPictures).toBe(0);
  });

  it("refuses more tables than the limit", () => {
    const xml = doc(tbl(tr(tc(p("1")))) + tbl(tr(tc(p("2")))) + tbl(tr(tc(p("3")))));
    expect(parseDocumentXml(xml, 3).tables).toHaveLength(3);
    expect(() => parseDocumentXml(xml, 2)).toThrow(expect.objectContaining({ kind: "too-many-tables" }));
  });

  it("refuses tables nested deeper than MAX_TABLE_DEPTH, without recursion", () => {
    const nest = (depth: number): string => (depth === 0 ? p("x") : tbl(tr(tc(nest(depth - 1)))));
    expect(parse(nest(MAX_TABLE_DEPTH)).tables).toHaveLength(MAX_TABLE_DEPTH);
    expect(() => parse(nest(MAX_TABLE_DEPTH + 1))).toThrow(expect.objectContaining({ kind: "table-too-large" }));
  });

  it("refuses a column beyond the grid (a gridSpan of millions)", () => {
    expect(() => parse(tbl(tr(tc(p("a"), '<w:gridSpan w:val="99999999"/>'), tc(p("b")))))).toThrow(
      expect.objectContaining({ kind: "table-too-large", table: 1 }),
    );
  });
});

describe("frame and notes lines", () => {
  const table = tbl(tr(tc(p("序号")), tc(p("单位"))), tr(tc(p("1")), tc(p("甲"))));

  it("takes the 附件N line, the title and the unit/contact line before a table out of the body, at most four", () => {
    const d = parse(
      p("湘潭县自然资源局") +
        p("2025年1月10日") +
        p("附件2") +
        p("2024年", "行政执法案件数据情况统计表") +
        p("执法单位：(盖章)湘潭县自然资源局\u3000\u3000联系人和联系方式：王洪江15197167768") +
        table,
    );
    expect(d.tables[0].headings).toEqual([
      "附件2",
      "2024年行政执法案件数据情况统计表",
      "执法单位：(盖章)湘潭县自然资源局\u3000\u3000联系人和联系方式：王洪江15197167768",
    ]);
    expect(d.paragraphs).toEqual(["湘潭县自然资源局", "2025年1月10日"]);
  });

  it("takes no body sentence, and never lines before the previous table", () => {
    const d = parse(p("附件4") + table + p("单位：元") + table + p("现将2024年工作情况报告如下：") + table);
    expect(d.tables.map((t) => t.headings)).toEqual([["附件4"], ["单位：元"], []]);
    expect(d.paragraphs).toEqual(["现将2024年工作情况报告如下："]);
  });

  it("takes at most four lines", () => {
    const d = parse(p("附件2") + p("附件3") + p("单位：元") + p("填报日期：2025年1月") + p("2024年行政执法保障情况统计表") + table);
    expect(d.tables[0].headings).toEqual(["附件3", "单位：元", "填报日期：2025年1月", "2024年行政执法保障情况统计表"]);
    expect(d.paragraphs).toEqual(["附件2"]);
  });

  it("takes the notes after a table (填表说明/注 and the numbered lines that follow) out of the body", () => {
    const d = parse(table + p("注：1.第一条。") + p("2．第二条。") + p("3、第三条。") + p("四、2025年工作计划") + p("5.不是注") + table + p("1.不跟在说明后"));
    expect(d.tables[0].notes).toEqual(["注：1.第一条。", "2．第二条。", "3、第三条。"]);
    expect(d.tables[1].notes).toEqual([]);
    expect(d.paragraphs).toEqual(["四、2025年工作计划", "5.不是注", "1.不跟在说明后"]);
  });

  it("takes the frame lines of a nested table from its own cell; an empty layout table gives its lines back", () => {
    const d = parse(p("附件5") + tbl(tr(tc(p("附件4") + p("2024年行政执法保障情况统计表") + table + p("注：1.说明")))) + p("正文"));
    expect(d.tables[0].cells).toEqual([]);
    expect(d.tables[1].headings).toEqual(["附件4", "2024年行政执法保障情况统计表"]);
    expect(d.tables[1].notes).toEqual(["注：1.说明"]);
    expect(d.paragraphs).toEqual(["附件5", "正文"]);
  });
});

describe("frame line shapes", () => {
  const table = tbl(tr(tc(p("序号"))));
  it.each([
    ["附件2", true],
    ["附件 3：", true],
    ["附件１２", true],
    ["2024年行政执法案件数据情况统计表", true],
    ["2024年行政执法案件数据情况统计表（单位：件）", true],
    ["执法单位：(盖章)湘潭县自然资源局", true],
    ["填报单位（盖章）：湘潭县自然资源局", true],
    ["联系人：王洪江  联系电话：15197167768", true],
    ["单位：元", true],
    ["填表日期：2025年1月10日", true],
    ["详见附件2统计表。", false],
    ["附件2、3为统计表，请审核。", false],
    ["现将工作情况报告如下：", false],
    ["2025年1月10日", false],
    ["湘潭县自然资源局", false],
  ])("%j before a table is a frame line: %p", (line, taken) => {
    const d = parse(p(line) + table);
    expect(d.tables[0].headings).toEqual(taken ? [line] : []);
    expect(d.paragraphs).toEqual(taken ? [] : [line]);
  });
});
