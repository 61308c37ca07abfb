import { FakeOfficeError } from "../../../tests/helpers/fakeExcel";
import { OfficeHostError, toHostError } from "./errors";

const ctx = { action: "写入数值", actionEn: "write values", targets: [{ sheet: "附件2", cell: "D7" }] };

describe("toHostError", () => {
  test("a protected sheet is named with the cell; several sheets are listed", () => {
    expect(toHostError(new FakeOfficeError("AccessDenied", "protected"), ctx).message).toBe(
      "工作表「附件2」受保护，无法写入 D7，请先撤销工作表保护（审阅 → 撤销工作表保护）。",
    );
    const many = toHostError(new FakeOfficeError("AccessDenied", "x"), {
      ...ctx,
      targets: [
        { sheet: "附件2", cell: "D7" },
        { sheet: "附件3", cell: "E8" },
      ],
    });
    expect(many.message).toContain("「附件2」、「附件3」");
  });

  test("adding a sheet to a protected workbook names the sheet", () => {
    const e = toHostError(new FakeOfficeError("AccessDenied", "x"), { ...ctx, addingSheet: "审核报告" });
    expect(e.message).toContain("工作簿结构受保护，无法添加工作表「审核报告」");
  });

  test("edit mode, a vanished sheet, too much data, a busy Excel", () => {
    expect(toHostError(new FakeOfficeError("InvalidOperationInCellEditMode", "x"), ctx).message).toContain("无法写入数值。请先按 Enter 或 Esc 结束编辑");
    expect(toHostError(new FakeOfficeError("ItemNotFound", "x"), ctx).message).toContain("找不到工作表「附件2」");
    expect(toHostError(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "x"), ctx).message).toContain("数据量超出 Excel 单次处理的上限");
    expect(toHostError(new FakeOfficeError("ActivityLimitReached", "x"), ctx).message).toContain("Excel 正忙");
  });

  test("a code it does not know is named with its code, Office's text beside it, with the sheet and cell", () => {
    const e = toHostError(new FakeOfficeError("SomethingNew", "Something broke"), ctx);
    expect(e).toBeInstanceOf(OfficeHostError);
    expect(e.message).toBe("Excel 无法写入数值（工作表「附件2」 D7），错误代码 SomethingNew：Something broke。请重试；如仍失败，请把这段文字发给技术支持。");
    expect(e.messageEn).toContain("Something broke");
    expect(toHostError(new TypeError("boom"), { action: "读取工作簿", actionEn: "read" }).message).toBe(
      "Excel 无法读取工作簿，错误代码 Unknown：boom。请重试；如仍失败，请把这段文字发给技术支持。",
    );
  });

  test("our own errors pass through unchanged", () => {
    const own = new OfficeHostError("X", "原样", "as is");
    expect(toHostError(own, ctx)).toBe(own);
  });
});
