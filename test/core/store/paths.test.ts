import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../main/core/store/paths';

describe('where the workspace lives', () => {
  const env = { HOME: '/home/ann', TANDEM_HOME: '/srv/tandem' };

  it('the --data-dir flag wins over everything', () => {
    expect(resolveDataDir({ dataDir: '/tmp/ws' }, env, 'linux')).toBe('/tmp/ws');
    expect(resolveDataDir({ dataDir: 'rel/ws' }, env, 'linux')).toBe(path.resolve('rel/ws'));
  });

  it('then TANDEM_HOME', () => {
    expect(resolveDataDir({}, env, 'darwin')).toBe('/srv/tandem');
  });

  it('then the folder the Electron app uses on each OS', () => {
    expect(resolveDataDir({}, { HOME: '/home/ann' }, 'linux')).toBe('/home/ann/.config/Tandem');
    expect(resolveDataDir({}, { HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/Tandem');
    expect(resolveDataDir({}, { HOME: '/Users/ann' }, 'darwin')).toBe(
      '/Users/ann/Library/Application Support/Tandem',
    );
    expect(resolveDataDir({}, { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Tandem',
    );
  });
});
