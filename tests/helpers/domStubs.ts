/**
 * What jsdom lacks and Fluent UI uses: ResizeObserver (MessageBar reflows its actions when its width
 * changes). A stub that never reports a size is what a test needs: layout is not under test.
 */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export function installDomStubs(): void {
  const g = globalThis as { ResizeObserver?: unknown };
  if (typeof g.ResizeObserver !== "function") g.ResizeObserver = ResizeObserverStub;
}

installDomStubs();
