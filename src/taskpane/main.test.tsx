import { act, screen, waitFor } from "@testing-library/react";
import { MemoryHost } from "../../tests/helpers/memoryHost";
import "../../tests/helpers/domStubs";

// The first screen must not carry ExcelJS (~1 MB): loading it from any static import fails this file.
jest.mock("exceljs", () => {
  throw new Error("exceljs was loaded by the pane's first screen");
});

const officeHosts: MemoryHost[] = [];
jest.mock("../host/office/officeHost", () => ({
  OfficeHost: jest.fn().mockImplementation(() => {
    const h = new MemoryHost();
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
  // The Office host offers no submission copy (yet): the button is hidden.
  expect(screen.queryByTestId("submission-copy")).not.toBeInTheDocument();
});

test("on the web the shell is rendered", async () => {
  const root = document.body.appendChild(document.createElement("div"));
  await act(() => mount(root, "web"));
  await waitFor(() => expect(screen.getByText("web shell")).toBeInTheDocument());
});
