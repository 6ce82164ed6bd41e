// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyTheme, resolveTheme } from '../../../renderer/src/features/settings/theme';

describe('theme', () => {
  it('follows the OS only when the choice is system', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('sets data-theme on the element it is given', () => {
    const el = document.createElement('div');
    const stop = applyTheme('dark', el);
    expect(el.dataset.theme).toBe('dark');
    stop();
    applyTheme('system', el)();
    expect(['light', 'dark']).toContain(el.dataset.theme);
  });
});
