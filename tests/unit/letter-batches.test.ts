import { letterBatches } from '../../server/letters/letter-batches';
import { LetterJobData, letterJobId } from '../../server/letters/letter-job';

describe('the batch cut', () => {
  test('consecutive runs of the batch size, in the given (print) order; the last may be short', () => {
    expect(letterBatches([5, 3, 9, 1, 7, 2, 8], 3)).toEqual([[5, 3, 9], [1, 7, 2], [8]]);
  });
  test('an exact multiple leaves no short batch; fewer letters than a batch give one batch', () => {
    expect(letterBatches([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(letterBatches([4, 2], 50)).toEqual([[4, 2]]);
  });
  test('no letters, no batches', () => {
    expect(letterBatches([], 50)).toEqual([]);
  });
  test('every letter is in exactly one batch, and the order survives', () => {
    const ids = Array.from({ length: 1234 }, (_, i) => 5000 - i * 3);
    const out = letterBatches(ids, 50);
    expect(out).toHaveLength(25);
    expect(out.every((b) => b.length <= 50)).toBe(true);
    expect(out.flat()).toEqual(ids);
  });
  test('the input is not changed', () => {
    const ids = [3, 1, 2];
    letterBatches(ids, 2);
    expect(ids).toEqual([3, 1, 2]);
  });
  test('a batch size below 1 is refused (it would never end)', () => {
    expect(() => letterBatches([1], 0)).toThrow(RangeError);
    expect(() => letterBatches([1], 1.5)).toThrow(RangeError);
  });
});

describe('letter job ids', () => {
  test('c<campaign>-<first letter>-<16 hex of the ids>', () => {
    expect(letterJobId(7, [101, 102, 103])).toMatch(/^c7-101-[0-9a-f]{16}$/);
  });
  test('the same letters give the same id (adding a batch twice is a no-op)', () => {
    expect(letterJobId(7, [101, 102, 103])).toBe(letterJobId(7, [101, 102, 103]));
  });
  test('other letters, another order, or another campaign give another id', () => {
    const id = letterJobId(7, [101, 102, 103]);
    expect(letterJobId(7, [101, 102])).not.toBe(id);
    expect(letterJobId(7, [101, 103, 102])).not.toBe(id);
    expect(letterJobId(8, [101, 102, 103])).not.toBe(id);
    // ids are joined with a separator: [1, 23] and [12, 3] must not collide
    expect(letterJobId(1, [1, 23]).split('-')[2]).not.toBe(letterJobId(1, [12, 3]).split('-')[2]);
  });
  test('the payload carries ids only', () => {
    expect(LetterJobData.parse({ campaignId: 7, letterIds: [1, 2] })).toEqual({
      campaignId: 7,
      letterIds: [1, 2],
    });
    expect(() => LetterJobData.parse({ campaignId: 7, letterIds: [] })).toThrow();
    expect(() => LetterJobData.parse({ campaignId: 7, letterIds: [0] })).toThrow();
    expect(LetterJobData.parse({ campaignId: 7, letterIds: [1], address: 'Mekelweg 4' })).not.toHaveProperty(
      'address',
    );
  });
});
