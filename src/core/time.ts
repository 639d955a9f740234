/** Milliseconds since the epoch, the unit of every MLflow timestamp. */
export const nowMs = (): number => Date.now();
