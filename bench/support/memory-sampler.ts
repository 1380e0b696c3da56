import type { AppProcess } from './app-process';

export interface MemoryPeaks {
  /** Highest RSS each app reached, MB. */
  rssByApp: Map<string, number>;
  /** Highest sum of the apps' PSS at one instant, MB. */
  totalPss: number;
  /** Highest sum of the apps' RSS at one instant, MB. */
  totalRss: number;
  samples: number;
}

/**
 * Reads every app's memory every `intervalMs` while load runs and keeps the peaks, so row 6 can
 * report memory *under* load (rows 3 and 4, as the issue asks) rather than whatever is left after.
 */
export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private readonly peaks: MemoryPeaks = { rssByApp: new Map(), totalPss: 0, totalRss: 0, samples: 0 };

  constructor(
    private readonly apps: () => AppProcess[],
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    if (this.timer) return;
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): MemoryPeaks {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return this.peaks;
  }

  private sample(): void {
    let totalPss = 0;
    let totalRss = 0;
    for (const app of this.apps()) {
      const rss = app.rssMb();
      totalRss += rss;
      totalPss += app.pssMb();
      this.peaks.rssByApp.set(app.name, Math.max(this.peaks.rssByApp.get(app.name) ?? 0, rss));
    }
    this.peaks.totalPss = Math.max(this.peaks.totalPss, totalPss);
    this.peaks.totalRss = Math.max(this.peaks.totalRss, totalRss);
    this.peaks.samples += 1;
  }
}
