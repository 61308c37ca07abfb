import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryHost } from "../../tests/helpers/memoryHost";
import "../../tests/helpers/domStubs";

// The first screen must not carry ExcelJS (~1 MB): loading it from any static import fails this file.
jest.mock("exceljs", () => {
  throw new Error("exceljs was loaded by the pane's first screen");
});

type OfficeLike = MemoryHost & { submissionCopy: jest.Mock };
const officeHosts: OfficeLike[] = [];
jest.mock("../host/office/officeHost", () => ({
  OfficeHost: jest.fn().mockImplementation(() => {
    const h = Object.assign(new MemoryHost(), {
      submissionCopy: jest.fn(async () => ({ kind: "sheets", sheets: ["报送-附件2"], tables: ["A2"] })),
    });
    officeHosts.push(h);
    return h;
  }),
}));
jest.mock("../web/WebApp", () => ({ __esModule: true, default: () => <p>web shell</p> }));

import { mount } from "./main";

afterEach(() => {
  document.body.innerHTML = "";
});

test("in Excel the pane works on an OfficeHost", async () => {
  const root = document.body.appendChild(document.createElement("div"));
  await act(() => mount(root, "excel"));
  await waitFor(() => expect(screen.getByTestId("validate")).toBeInTheDocument());
  expect(officeHosts).toHaveLength(1);
  expect(screen.getByRole("main")).toBeInTheDocument();
  // The Office host's 生成报送副本 is the button's, and what it made is told with the instructions.
  await userEvent.setup().click(screen.getByTestId("submission-copy"));
  expect(officeHosts[0].submissionCopy).toHaveBeenCalledTimes(1);
  const notice = await screen.findByTestId("notice");
  expect(notice).toHaveTextContent("「报送-附件2」");
  expect(notice).toHaveTextContent("移动或复制");
});

test("on the web the shell is rendered", async () => {
  const root = document.body.appendChild(document.createElement("div"));
  await act(() => mount(root, "web"));
  await waitFor(() => expect(screen.getByText("web shell")).toBeInTheDocument());
});
