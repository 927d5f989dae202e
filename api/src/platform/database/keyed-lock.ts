// FerretDB v1, the embedded database, runs findAndModify and update as a query followed by a write by
// _id, outside one transaction (FerretDB issue #3040): two conditional updates of the same record (e.g.
// on the same `version`) can both match and both write, and two `$inc` on a counter can return the same
// value. MongoDB applies them atomically. Within one API process (the embedded database serves one),
// conditional writes of the same record are serialised here, so each condition is checked against the
// state the previous write left.
const tails = new Map<string, Promise<void>>();

/** Runs `fn` once every earlier call with the same key has finished (in call order). */
export async function withKeyLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => { release = resolve; });
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
