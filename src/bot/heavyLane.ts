/**
 * Heavy work (triage of a large paste) off the event loop's fast path: jobs run one at a
 * time, each only after the loop has had a turn (setImmediate), so pending I/O and small
 * messages are answered between two large pastes instead of waiting behind all of them.
 */
export class HeavyLane {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `job` after every job queued before it, and after yielding to the event loop. */
  run<T>(job: () => T): Promise<T> {
    const next = this.#tail.then(
      () =>
        new Promise<T>((resolve, reject) => {
          setImmediate(() => {
            try {
              resolve(job());
            } catch (error) {
              reject(error);
            }
          });
        }),
    );
    this.#tail = next.catch(() => undefined);
    return next;
  }
}
