import { RecentDeliveries } from './RecentDeliveries';

describe('RecentDeliveries', () => {
  it('recognises a delivery it has seen, and forgets the oldest beyond its capacity', () => {
    const deliveries = new RecentDeliveries(2);
    expect(deliveries.has('a')).toBe(false);
    deliveries.remember('a');
    expect(deliveries.has('a')).toBe(true);
    deliveries.remember('b');
    deliveries.remember('c');
    // 'a' was the oldest of three: forgotten
    expect(deliveries.has('a')).toBe(false);
    expect(deliveries.has('b')).toBe(true);
    expect(deliveries.has('c')).toBe(true);
  });
});
