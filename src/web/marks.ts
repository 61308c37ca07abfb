/** The page's marks are the hosts' marks: one key, one merge, one note (flows/marks.ts). */
export { annotationMarks, combineMarks, markKey } from "../flows/marks";
