// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../renderer/src/components/ErrorBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

let broken = true;

function Neighbour() {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      clicked {n}
    </button>
  );
}

function Fragile() {
  if (broken) throw new Error('bad state\nat stack line');
  return <p>panel is back</p>;
}

it('a panel that crashes shows one line and recovers on "Try again"; its neighbours keep working', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  render(
    <>
      <ErrorBoundary area="the response viewer">
        <Fragile />
      </ErrorBoundary>
      <Neighbour />
    </>,
  );
  expect(screen.getByRole('alert').textContent).toContain(
    'Something went wrong in the response viewer: bad state',
  );
  expect(screen.getByRole('alert').textContent).not.toContain('stack line');
  fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));
  expect(screen.getByRole('button', { name: 'clicked 1' })).toBeTruthy();
  broken = false;
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(screen.getByText('panel is back')).toBeTruthy();
});
