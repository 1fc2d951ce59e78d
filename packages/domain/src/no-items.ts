/** The frozen empty list every state shares (an empty list needs no copy of its own). */
export const noItems: readonly never[] = Object.freeze([]);
