import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { isDarkOfficeTheme, paneTheme } from "./theme";

test("follows Office's dark theme in Excel, stays light on the web", () => {
  expect(paneTheme("excel", { isDarkTheme: true })).toBe(webDarkTheme);
  expect(paneTheme("excel", { isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(webLightTheme);
  expect(paneTheme("web", { isDarkTheme: true })).toBe(webLightTheme);
  expect(paneTheme("excel", null)).toBe(webLightTheme);
});

test("older Office without isDarkTheme: judged by the body background", () => {
  expect(isDarkOfficeTheme({ bodyBackgroundColor: "#262626" })).toBe(true);
  expect(isDarkOfficeTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe(false);
  expect(isDarkOfficeTheme({ bodyBackgroundColor: "#E6E6E6" })).toBe(false);
  expect(isDarkOfficeTheme({ bodyBackgroundColor: "not a colour" })).toBe(false);
});
