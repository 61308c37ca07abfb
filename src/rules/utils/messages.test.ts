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
