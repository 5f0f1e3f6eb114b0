// A function and its argument as script source for a page or frame: `certify` runs under tsx, whose compiler
// wraps named inner functions in a `__name(...)` helper that exists only in Node, so a function handed to the
// browser as-is fails there. The source defines a local no-op `__name` (nothing leaks into the page) and calls
// the function with its argument as JSON.
export function browserSource<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}
