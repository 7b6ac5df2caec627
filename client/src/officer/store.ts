/**
 * A small store: one state object that `set` replaces (never mutates), and listeners that name
 * the keys they read. A listener runs once per change of one of its keys, after the whole patch
 * is applied, so it never sees half an update. No DOM here: the unit tests run it in node.
 */

/** Called with the new state and the keys that changed since the listener last ran. */
export type Listener<S> = (state: Readonly<S>, changed: ReadonlySet<keyof S>) => void;

interface Subscription<S> {
  keys: ReadonlySet<keyof S>;
  listener: Listener<S>;
}

/** A state object of type `S` and the listeners of its keys. */
export class Store<S extends object> {
  private state: Readonly<S>;
  private readonly subscriptions = new Set<Subscription<S>>();
  /** Keys changed by a `set` made while listeners run; delivered in the next round. */
  private pending = new Set<keyof S>();
  private notifying = false;

  constructor(initial: S) {
    this.state = Object.freeze({ ...initial });
  }

  /** The current state. Its values are shared, not copied: replace them, never mutate them. */
  get(): Readonly<S> {
    return this.state;
  }

  /**
   * Applies a patch and runs the listeners of the keys it changed. A key whose new value is the
   * same (`Object.is`) as the old one has not changed; a patch that changes nothing runs none.
   *
   * A listener may itself call `set`: the state changes at once, and the listeners of the keys
   * changed that way run after the current round. If listeners throw, the others still run and
   * the first error is thrown afterwards.
   */
  set(patch: Partial<S>): void {
    const keys = (Object.keys(patch) as (keyof S)[]).filter((k) => !Object.is(patch[k], this.state[k]));
    if (!keys.length) return;
    this.state = Object.freeze({ ...this.state, ...patch });
    for (const k of keys) this.pending.add(k);
    if (this.notifying) return;
    this.notifying = true;
    const errors: unknown[] = [];
    try {
      while (this.pending.size) {
        const changed = this.pending;
        this.pending = new Set();
        for (const s of [...this.subscriptions]) {
          if (!this.subscriptions.has(s) || ![...changed].some((k) => s.keys.has(k))) continue;
          try {
            s.listener(this.state, changed);
          } catch (err) {
            errors.push(err);
          }
        }
      }
    } finally {
      this.notifying = false;
    }
    if (errors.length) throw errors[0];
  }

  /**
   * Runs `listener` whenever one of `keys` changes (not now: call it yourself for a first render).
   *
   * @returns a function that ends the subscription
   */
  subscribe(keys: readonly (keyof S)[], listener: Listener<S>): () => void {
    const s: Subscription<S> = { keys: new Set(keys), listener };
    this.subscriptions.add(s);
    return () => {
      this.subscriptions.delete(s);
    };
  }
}
