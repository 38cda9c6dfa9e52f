/** Waits until a server the benchmark started answers the API (its first start may build and seed). */
export async function waitForServer(base: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const up = await fetch(`${base}/api/v1/genres`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server at ${base} did not start within ${timeoutMs / 1000} s`);
}
