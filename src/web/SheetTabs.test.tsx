import { useState } from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SheetTabs } from "./SheetTabs";

function Harness({ names }: { names: string[] }) {
  const [selected, setSelected] = useState(names[0]);
  return <SheetTabs names={names} selected={selected} onSelect={setSelected} />;
}

const NAMES = ["附件2", "附件3", "附件4"];

test("one Tab stop; arrows, Home and End move the selection and the focus, wrapping round", async () => {
  const user = userEvent.setup();
  render(<Harness names={NAMES} />);
  const tabs = screen.getAllByRole("tab");
  expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
  await user.tab();
  expect(document.activeElement).toBe(tabs[0]);
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("tab", { name: "附件3" })).toHaveAttribute("aria-selected", "true");
  expect(document.activeElement).toBe(tabs[1]);
  await user.keyboard("{End}");
  expect(document.activeElement).toBe(tabs[2]);
  await user.keyboard("{ArrowRight}");
  expect(document.activeElement).toBe(tabs[0]);
  expect(tabs[0]).toHaveAttribute("aria-selected", "true");
  await user.keyboard("{ArrowLeft}");
  expect(tabs[2]).toHaveAttribute("aria-selected", "true");
  await user.keyboard("{Home}");
  expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false"]);
  expect(screen.getAllByRole("tab").map((t) => t.tabIndex)).toEqual([0, -1, -1]);
});

test("a click selects a sheet", async () => {
  const user = userEvent.setup();
  render(<Harness names={NAMES} />);
  await user.click(screen.getByRole("tab", { name: "附件4" }));
  expect(screen.getByRole("tab", { name: "附件4" })).toHaveAttribute("aria-selected", "true");
});
