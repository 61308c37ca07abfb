import "@testing-library/jest-dom";

import { configure } from "@testing-library/react";

// CI machines have two busy cores: waiting for a lazily loaded view or a finished check may take
// more than testing-library's default second, which is a slow machine, not a failure.
configure({ asyncUtilTimeout: 15_000 });

// What a pane remembers on the machine (language, template defaults) must not carry from one test to the next.
afterEach(() => localStorage.clear());
