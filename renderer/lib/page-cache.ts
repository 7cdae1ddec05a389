export type PageFetcher<T> = (
  offset: number,
  limit: number,
) => Promise<{ items: T[]; total: number }>;

/**
 * Rows of a long server-side list fetched page by page as they scroll into view. One cache per
 * query: when the filters change, make a new one and `dispose()` the old so late answers are
 * dropped.
 */
export class PageCache<T> {
  readonly pageSize: number;
  total: number | null = null;
  error: string | null = null;
  private readonly pages = new Map<number, T[]>();
  private readonly pending = new Set<number>();
  private readonly stale = new Set<number>();
  private lastRange: [number, number] = [0, 0];
  private generation = 0;
  private readonly fetchPage: PageFetcher<T>;
  private readonly onChange: () => void;
  private disposed = false;

  constructor(pageSize: number, fetchPage: PageFetcher<T>, onChange: () => void) {
    this.pageSize = pageSize;
    this.fetchPage = fetchPage;
    this.onChange = onChange;
  }

  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Makes sure rows `start`…`end` (inclusive) are loaded or loading. */
  ensure(start: number, end: number): void {
    this.lastRange = [start, end];
    const last = this.total === null ? start : Math.min(end, this.total - 1);
    const firstPage = Math.floor(start / this.pageSize);
    for (let page = firstPage; page <= Math.floor(last / this.pageSize); page++) {
      if ((!this.pages.has(page) || this.stale.has(page)) && !this.pending.has(page)) {
        this.load(page);
      }
    }
  }

  /**
   * The data changed on the server: reload the rows last asked for. Old rows stay on screen
   * until their fresh copy arrives, so the list does not flash.
   */
  refresh(): void {
    this.generation++;
    this.pending.clear();
    for (const page of this.pages.keys()) this.stale.add(page);
    this.ensure(...this.lastRange);
  }

  isLoading(): boolean {
    return this.pending.size > 0;
  }

  dispose(): void {
    this.disposed = true;
  }

  private load(page: number): void {
    const generation = this.generation;
    this.pending.add(page);
    this.fetchPage(page * this.pageSize, this.pageSize).then(
      ({ items, total }) => {
        if (this.disposed || generation !== this.generation) return;
        this.pending.delete(page);
        this.stale.delete(page);
        this.pages.set(page, items);
        this.total = total;
        this.error = null;
        this.onChange();
      },
      (e: unknown) => {
        if (this.disposed || generation !== this.generation) return;
        this.pending.delete(page);
        this.error = e instanceof Error ? e.message : String(e);
        this.onChange();
      },
    );
  }
}
