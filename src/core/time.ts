/** A day in milliseconds: the durations' days to years, and the consent log's longest wait. */
export const DAY = 86_400_000;

/** The longest delay `setTimeout` accepts (2^31 - 1 ms, about 24.8 days); a longer wait is re-armed. */
export const MAX_TIMER = 2_147_483_647;
