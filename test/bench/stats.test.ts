import { describe, expect, it } from 'vitest';
import {
  fmt,
  formatTable,
  median,
  meets,
  p95,
  pairedDifference,
  pairedRatio,
  parseBenchArgs,
  parseTimeVerbose,
  parseVmHwm,
  quantile,
  ratio,
  rotate,
  roundOrder,
} from '../../bench/stats';

describe('benchmark statistics', () => {
  it('takes the median of odd and even samples, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('takes the p95 by nearest rank, so one slow outlier in twenty does not hide', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(p95(values)).toBe(95);
    expect(quantile([10], 0.95)).toBe(10);
    expect(p95([...Array(19).fill(1), 100])).toBe(1);
    expect(p95([...Array(18).fill(1), 100, 100])).toBe(100);
  });

  it('reports a ratio only when both sides were measured', () => {
    expect(ratio(110, 100)).toBe(1.1);
    expect(ratio(1, 3)).toBe(0.333);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });

  it('alternates which contender goes first, round after round', () => {
    expect(roundOrder(0, 'tandem', 'undici')).toEqual(['tandem', 'undici']);
    expect(roundOrder(1, 'tandem', 'undici')).toEqual(['undici', 'tandem']);
  });

  it('rotates contenders so each takes every slot in turn', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
  });

  it('pairs rounds: a load spike that slows both sides of a round does not move the ratio', () => {
    const tandem = [
      [110, 110, 110],
      [330, 330, 330],
      [110, 112, 108],
    ];
    const undici = [
      [100, 100, 100],
      [300, 300, 300],
      [100, 100, 100],
    ];
    expect(pairedRatio(tandem, undici)).toEqual({ median: 1.1, p25: 1.1, p75: 1.1 });
    expect(pairedRatio([[200]], [[100]]).median).toBe(2);
    expect(pairedRatio([], []).median).toBeNaN();
  });

  it('takes the paired difference per round, in the units measured', () => {
    expect(pairedDifference([[60, 62], [110]], [[50, 52], [100]])).toBe(10);
  });

  it('says whether a goal was met, and nothing when the figure is missing', () => {
    expect(meets(1.05, { max: 1.1 })).toBe(true);
    expect(meets(1.2, { max: 1.1 })).toBe(false);
    expect(meets(12, { min: 10 })).toBe(true);
    expect(meets(Number.NaN, { min: 10 })).toBeNull();
  });

  it('reads peak memory from /usr/bin/time -v and from /proc status', () => {
    const time = '\tMaximum resident set size (kbytes): 176128\n\tExit status: 0\n';
    expect(parseTimeVerbose(time)).toEqual({ peakRssMb: 172, exitStatus: 0 });
    expect(parseTimeVerbose('nothing here')).toEqual({ peakRssMb: null, exitStatus: null });
    expect(parseVmHwm('Name:\tnode\nVmHWM:\t   51200 kB\nVmRSS:\t 100 kB\n')).toBe(50);
    expect(parseVmHwm('Name:\tnode\n')).toBeNull();
  });

  it('prints an aligned table with a dash for what was not measured', () => {
    const text = formatTable([
      {
        figure: '1 engine',
        metric: 'median',
        tandem: fmt(120.44, 'µs', 1),
        reference: '100 µs',
        ratio: '1.2 ×',
        goal: '',
      },
      { figure: '', metric: 'p95', tandem: fmt(null, 'µs'), reference: '', ratio: '', goal: '' },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^figure\s+metric\s+tandem\s+reference\s+ratio\s+goal$/);
    expect(lines[2]).toContain('120.4 µs');
    expect(lines[3]).toContain('—');
    expect(lines[2].indexOf('120.4')).toBe(lines[0].indexOf('tandem'));
  });

  it('understands --json, --quick and --only, and refuses anything else', () => {
    expect(parseBenchArgs(['--json', '--quick'])).toEqual({ json: true, quick: true, only: null });
    expect(parseBenchArgs(['--only=engine,jar']).only).toEqual(['engine', 'jar']);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/Unknown option --fast/);
  });
});
