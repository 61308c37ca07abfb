import { fillMessage, placeholders } from "./messages";

describe("fillMessage", () => {
  it("fills every placeholder from the data, spaces inside the braces allowed", () => {
    expect(fillMessage("{{where}}填的是「{{ text }}」；{{where}}", { where: "附件2", text: -7 })).toBe("附件2填的是「-7」；附件2");
  });

  it("puts a cell's text in as it is: braces in it are not filled again", () => {
    expect(fillMessage("「{{text}}」{{n}}", { text: "{{n}}$&", n: 1 })).toBe("「{{n}}$&」1");
  });

  it("leaves a placeholder without data as it is", () => {
    expect(fillMessage("{{a}} and {{b}}", { a: "x" })).toBe("x and {{b}}");
    expect(fillMessage("no data {{a}}")).toBe("no data {{a}}");
  });
});

describe("placeholders", () => {
  it("names each placeholder once, sorted", () => {
    expect(placeholders("{{where}}「{{text}}」{{ where }}")).toEqual(["text", "where"]);
    expect(placeholders("none")).toEqual([]);
  });
});

describe("fillMessage, filled the same way every time (its cut of a message is kept)", () => {
  it("gives the same text on a second and third call, with other data", () => {
    const m = "{{where}}：{{ text }}，{{missing}}，{{where}}";
    expect(fillMessage(m, { where: "甲", text: "1" })).toBe("甲：1，{{missing}}，甲");
    expect(fillMessage(m, { where: "乙", text: "{{where}}" })).toBe("乙：{{where}}，{{missing}}，乙");
    expect(fillMessage(m, { where: "丙", text: 0, missing: "有" })).toBe("丙：0，有，丙");
    expect(fillMessage("{{ a }} stays as written", {})).toBe("{{ a }} stays as written");
    expect(fillMessage("no placeholder")).toBe("no placeholder");
  });
});
