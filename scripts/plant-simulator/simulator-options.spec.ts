import { parseDuration, parseRate, parseSimulatorArgs, SimulatorUsageError } from './simulator-options';

describe('simulator options', () => {
  it('reads the documented demo command', () => {
    const o = parseSimulatorArgs(['--plant', 'P100', '--rate', '200/s', '--duration', '60s', '--duplicates', '0.05', '--out-of-order', '0.05'], {});
    expect(o).toMatchObject({ plants: ['P100'], ratePerSecond: 200, durationMs: 60_000, duplicates: 0.05, outOfOrder: 0.05, batch: 1, format: 'json' });
    expect(o.mesUrl).toBe('http://127.0.0.1:3002');
  });

  it('takes plants repeated or as a comma list, once each', () => {
    expect(parseSimulatorArgs(['--plant', 'P100,p200', '--plant', 'P100'], {}).plants).toEqual(['P100', 'P200']);
  });

  it('reads rates and durations in the usual units', () => {
    expect(parseRate('600/min')).toBe(10);
    expect(parseRate('50')).toBe(50);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2m')).toBe(120_000);
  });

  it.each([
    [['--rate', '200/s'], /--plant is required/],
    [['--plant', 'P100', '--duplicates', '1.5'], /--duplicates must be a share between 0 and 1/],
    [['--plant', 'P100', '--batch', '1001'], /--batch must be an integer from 1 to 1000/],
    [['--plant', 'P100', '--format', 'csv'], /--format must be json or b2mml/],
    [['--plant', 'P100', '--duration', 'forever'], /--duration must be a time such as 60s/],
    [['--plant', 'P100', '--url', 'ftp://x'], /--url must be an http\(s\) URL/],
    [['--plant', 'P100', '--speed', '3'], /Unknown option '--speed'/],
  ])('refuses %j naming what is wrong', (args, message) => {
    expect(() => parseSimulatorArgs(args, {})).toThrow(SimulatorUsageError);
    expect(() => parseSimulatorArgs(args, {})).toThrow(message);
  });
});
