/** The pane's own errors: bad input in a form field, worded by the pane in the user's language. */
import { UserError } from "../errors";

export { errorText } from "../errors";

export class InputError extends UserError {
  constructor(text: string) {
    super("input", text, text);
    this.name = "InputError";
  }
}
