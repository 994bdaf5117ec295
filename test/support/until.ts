/**
 * Resolves once `condition` holds, checked every `everyMs`; throws (naming `what`) when it still
 * does not after `timeoutMs`, so a test that waits never goes on silently as if it had happened.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; everyMs?: number; what?: string } = {},
): Promise<void> {
  const { timeoutMs = 10_000, everyMs = 10, what = 'the condition' } = options;
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
