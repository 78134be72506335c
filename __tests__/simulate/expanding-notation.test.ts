import { expandNotation, NotationError } from '../../src/tools/simulate/expanding-notation';

describe('expanding notation', () => {
  test("promtool's own examples", () => {
    expect(expandNotation('-2+4x3')).toEqual([-2, 2, 6, 10]);
    expect(expandNotation(' 1-2x4')).toEqual([1, -1, -3, -5, -7]);
    expect(expandNotation(' 1x4')).toEqual([1, 1, 1, 1, 1]);
    // '_x3' is three missing samples (a missing sample cannot increment)
    expect(expandNotation('1 _x3 2')).toEqual([1, null, null, null, 2]);
  });

  test('0+10x30 is 31 samples from 0 to 300; decimals do not accumulate rounding error', () => {
    const samples = expandNotation('0+10x30');
    expect(samples).toHaveLength(31);
    expect(samples[30]).toBe(300);
    expect(expandNotation('0.1+0.1x29')[29]).toBe(0.1 + 29 * 0.1);
  });

  test('booleans for BOOL metrics', () => {
    expect(expandNotation('truex2 false _ falsex1')).toEqual([true, true, true, false, null, false, false]);
  });

  test('anything else names the term and the accepted forms', () => {
    expect(() => expandNotation('1 2y3')).toThrow(NotationError);
    expect(() => expandNotation('1 2y3')).toThrow('"2y3" is not expanding notation; expected a number, "a+bxn"');
  });
});
