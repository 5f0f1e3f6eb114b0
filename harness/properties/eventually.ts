// Polls an observation until it satisfies a check or the time is up; returns the last observation either way,
// so the caller asserts on what it actually saw.
export async function eventually<T>(
  observe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await observe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs));
    value = await observe();
  }
  return value;
}
