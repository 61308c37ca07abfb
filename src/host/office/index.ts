/** The Excel (Office.js) host: the adapter, what this Excel supports, and the 校验 flow in three round trips. */
export { OfficeHost, NOTE_PREFIX, type ExcelRun, type OfficeHostOptions } from "./officeHost";
export { detectCapabilities, detectApi, officeIsSetSupported, type CapabilityCost, type DetectedCapabilities, type IsSetSupported, type OfficeApi } from "./capabilities";
export { OfficeHostError } from "./errors";
export { marksFromFindings, validateAndMark, type ValidateResult } from "./validate";
