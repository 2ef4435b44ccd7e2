import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NavLink, Navigate, Route, Routes, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from '../api/fetch-api';
import { InsightsPage } from '../pages/insights-page';
import { NotFoundPage } from '../pages/not-found-page';
import { ServicePage } from '../pages/service-page';
import { ServicesPage } from '../pages/services-page';
import { TraceListPage } from '../pages/trace-list-page';
import { TracePage } from '../pages/trace-page';
import { ApiKeyPrompt } from './api-key-prompt';
import { useLiveStream } from './live-stream';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useKeyboard } from './shortcuts';
import { useTheme } from './theme';
import { ThemeContext } from './theme-context';

/** Top bar, left navigation and the routes; every view has its own URL. */
export function Shell() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { theme, toggle } = useTheme();
  const [needKey, setNeedKey] = useState(false);
  const [keyVersion, setKeyVersion] = useState(0);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const stream = useLiveStream(keyVersion);

  useEffect(() => setUnauthorizedHandler(() => setNeedKey(true)), []);

  useKeyboard((key) => {
    if (key === '?') setShowShortcuts((s) => !s);
    else if (key === 'Escape') setShowShortcuts(false);
    else if (key === 't') toggle();
    else if (key === 'g t') void navigate('/traces');
    else if (key === 'g s') void navigate('/services');
    else if (key === 'g i') void navigate('/insights');
    else return false;
    return true;
  });

  const onKeySaved = () => {
    setNeedKey(false);
    setKeyVersion((v) => v + 1);
    void client.invalidateQueries();
  };

  return (
    <ThemeContext.Provider value={theme}>
      <div className="shell">
        <header className="topbar">
          <NavLink to="/traces" className="brand">
            <span className="brand-mark" aria-hidden="true" /> Raceway
          </NavLink>
          <span className="spacer" />
          <span
            className="row muted small"
            title={`Live stream: ${stream.status}`}
            data-testid="live-status"
          >
            <span className={`live-dot ${stream.status}`} />
            {stream.status === 'open'
              ? 'Live'
              : stream.status === 'error'
                ? 'Stream offline'
                : 'Connecting'}
          </span>
          <button
            onClick={() => setShowShortcuts(true)}
            title="Keyboard shortcuts (?)"
            aria-label="Keyboard shortcuts"
          >
            ?
          </button>
          <button
            onClick={toggle}
            title="Toggle theme (t)"
            data-testid="theme-toggle"
            aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
          >
            {theme === 'dark' ? '☀ Light' : '☾ Dark'}
          </button>
        </header>
        <nav className="nav" aria-label="Main">
          <NavLink to="/traces">Traces</NavLink>
          <NavLink to="/services">Services</NavLink>
          <NavLink to="/insights">System insights</NavLink>
          <div className="nav-foot">
            Press <kbd>?</kbd> for shortcuts
          </div>
        </nav>
        <main className="main">
          <Routes>
            <Route path="/" element={<Navigate to="/traces" replace />} />
            <Route path="/traces" element={<TraceListPage />} />
            <Route path="/traces/:traceId" element={<TracePage />} />
            <Route path="/traces/:traceId/:view" element={<TracePage />} />
            <Route path="/services" element={<ServicesPage />} />
            <Route path="/services/:serviceName" element={<ServicePage />} />
            <Route path="/services/:serviceName/:tab" element={<ServicePage />} />
            <Route path="/insights" element={<InsightsPage />} />
            <Route path="/insights/:tab" element={<InsightsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </main>
        {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
        {needKey && <ApiKeyPrompt onSaved={onKeySaved} />}
      </div>
    </ThemeContext.Provider>
  );
}
