/**
 * The last `capacity` webhook delivery ids handled, oldest forgotten first: enough to recognise
 * GitHub's redeliveries and a replayed request, bounded so a flood of ids cannot grow memory.
 */
export class RecentDeliveries {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.seen.has(id);
  }

  remember(id: string) {
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      // A Set iterates in insertion order: the first entry is the oldest.
      this.seen.delete(this.seen.values().next().value!);
    }
  }
}
