/**
 * Answers run after Slack's request was acknowledged, outside Bolt's request cycle; this keeps
 * track of them so shutdown can wait for answers in progress and tests can wait for quiet.
 */
export class TaskTracker {
  private readonly running = new Set<Promise<void>>();

  /** Runs `work` in the background; its failure is reported to `onError`, never thrown. */
  run(work: () => Promise<void>, onError: (error: unknown) => void): void {
    const task = (async () => {
      try {
        await work();
      } catch (error) {
        onError(error);
      }
    })();
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when nothing is running (including work started meanwhile), or after timeoutMs. */
  async idle(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.min(left, 2 ** 31 - 1));
      });
      await Promise.race([Promise.allSettled([...this.running]), timeout]);
      clearTimeout(timer);
    }
    return true;
  }
}
