/** Discord's epoch (2015-01-01T00:00:00Z) in milliseconds. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/** A function that returns a new, strictly increasing snowflake id on each call. */
export type SnowflakeSource = () => string;

/**
 * Creates a source of valid Discord snowflakes (milliseconds since Discord's epoch in the
 * high bits), strictly increasing, so discord.js can derive `createdAt` from them.
 */
export function createSnowflakeSource(now: () => number = Date.now): SnowflakeSource {
  let last = 0n;
  return () => {
    const fromClock = (BigInt(now()) - DISCORD_EPOCH) << 22n;
    last = fromClock > last ? fromClock : last + 1n;
    return last.toString();
  };
}
