import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { RacewayApp } from '../../src/tui/raceway-app.js';
import { themeFor } from '../../src/tui/theme.js';
import { FakeSource } from './fake-source.js';
import { renderApp } from './render-app.js';
import type { AppHarness } from './render-app.js';

let app: AppHarness | undefined;
afterEach(() => app?.unmount());

describe('status line', () => {
  it('says when the server is gone and when it will try again, then that it is live again', async () => {
    const source = new FakeSource();
    app = renderApp({ source, columns: 120 });
    await app.waitFor('● live');
    source.setState({
      kind: 'reconnecting',
      attempt: 3,
      retryInMs: 2000,
      reason: 'connect ECONNREFUSED',
    });
    await app.waitFor(
      '✖ server unreachable · reconnecting in 2.0s (attempt 3) · connect ECONNREFUSED',
    );
    source.setState({ kind: 'live', reconnected: true });
    await app.waitFor('● live');
  });

  it('on a 401 says which key forms to use', async () => {
    const source = new FakeSource();
    app = renderApp({ source, columns: 120 });
    source.setState({ kind: 'unauthorized', retryInMs: 5000 });
    await app.waitFor('unauthorized: pass --api-key KEY or set RACEWAY_API_KEY');
  });
});

describe('NO_COLOR', () => {
  it('turns colour off when NO_COLOR is set to anything non-empty (no-color.org)', () => {
    expect(themeFor({ NO_COLOR: '1' }).color).toBe(false);
    expect(themeFor({ NO_COLOR: '' }).color).toBe(true);
    expect(themeFor({}).color).toBe(true);
  });

  it('renders no colour escapes with colour off (the tmux test checks the real terminal)', async () => {
    const instance = render(
      <RacewayApp
        source={new FakeSource()}
        theme={{ color: false }}
        size={{ columns: 80, rows: 24 }}
      />,
    );
    for (let i = 0; i < 100 && !(instance.lastFrame() ?? '').includes('banking-api'); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const frame = instance.lastFrame() ?? '';
    instance.unmount();
    expect(frame).toContain('banking-api');
    // Foreground colours are SGR 30–37 / 90–97; reverse video (the selection) is not a colour.
    expect(frame).not.toMatch(new RegExp(`${String.fromCharCode(27)}\\[(3[0-7]|9[0-7])m`));
  });
});

describe('coming back', () => {
  it('reloads the screen once the server is reachable after a failed start', async () => {
    const source = new FakeSource();
    const list = source.listTraces.bind(source);
    let down = true;
    source.listTraces = (q) =>
      down ? Promise.reject(new Error('cannot reach http://fake:8080')) : list(q);
    app = renderApp({ source, columns: 120 });
    await app.waitFor('cannot reach http://fake:8080');
    source.setState({ kind: 'reconnecting', attempt: 1, retryInMs: 500, reason: 'ECONNREFUSED' });
    down = false;
    source.setState({ kind: 'live', reconnected: false });
    await app.waitFor('Traces 1/1');
  });
});
