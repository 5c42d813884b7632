/**
 * Keeps reads out of the embedded store's analysis write. The engine drops and renames the
 * analysis tables in its swap, and a read transaction open across it fails ("Cannot find table
 * catalog entry"); its bulk COPYs may checkpoint, and a checkpoint fails when reads keep a
 * transaction open past its wait. So the write waits for reads in flight to end and holds new
 * ones back until it has committed (the engine's statements only: seconds at a million accounts).
 */
export class ReadWriteGate {
  private active = 0;
  private swapping: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  /** Runs a read once no swap is under way. */
  async read<T>(fn: () => Promise<T>): Promise<T> {
    while (this.swapping) await this.swapping;
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      if (this.active === 0) this.drained?.();
    }
  }

  /** Runs `fn` with no read in flight; reads that arrive meanwhile wait for it. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.swapping) await this.swapping;
    let release!: () => void;
    this.swapping = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      if (this.active > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await fn();
    } finally {
      this.swapping = null;
      release();
    }
  }
}
