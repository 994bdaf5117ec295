/** Per-member cooldowns with an injectable clock. */
export interface Cooldowns {
  /**
   * Takes a turn for `key` (e.g. "<user>:related") if its cooldown has passed and starts a
   * new one of `seconds`; returns 0 then, else the whole seconds left to wait.
   */
  take(key: string, seconds: number): number;
}

/** Entries kept before expired ones are swept. */
const SWEEP_AT = 1000;

/** Cooldowns kept in memory; `clock` returns milliseconds. */
export function createCooldowns(clock: () => number): Cooldowns {
  const until = new Map<string, number>();
  return {
    take(key, seconds) {
      if (seconds <= 0) return 0;
      const now = clock();
      const end = until.get(key);
      if (end !== undefined && now < end) return Math.max(1, Math.ceil((end - now) / 1000));
      if (until.size >= SWEEP_AT) for (const [k, t] of until) if (t <= now) until.delete(k);
      until.set(key, now + seconds * 1000);
      return 0;
    },
  };
}
