/** The pane's language, handed to every view without threading it through props. */
import { createContext, useContext } from "react";
import { translator, type Lang, type Translate } from "../i18n";

export interface I18n {
  lang: Lang;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ lang: "zh", t: translator("zh") });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
