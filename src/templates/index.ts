export * from "./schema";
export * from "./tables";
