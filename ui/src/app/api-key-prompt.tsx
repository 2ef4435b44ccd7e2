import { useState, type FormEvent } from 'react';
import { saveApiKey } from '../api/api-key-store';

/** Shown when the collector answers 401: asks for a key, kept in this browser only. */
export function ApiKeyPrompt({ onSaved }: { onSaved: () => void }) {
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim()) return;
    saveApiKey(key.trim(), remember);
    onSaved();
  };
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="api-key-title">
      <form className="modal" onSubmit={submit}>
        <h1 id="api-key-title">API key required</h1>
        <p className="muted">
          This collector requires an API key. It is sent as an <code>Authorization: Bearer</code>{' '}
          header and stored only in this browser.
        </p>
        <div className="row" style={{ margin: '10px 0' }}>
          <input
            type="password"
            aria-label="API key"
            placeholder="API key"
            autoFocus
            value={key}
            onChange={(e) => setKey(e.target.value)}
            style={{ flex: 1 }}
          />
        </div>
        <label className="row muted">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />
          Remember on this computer (otherwise only for this tab)
        </label>
        <div className="row" style={{ justifyContent: 'flex-end', marginTop: 12 }}>
          <button type="submit" className="primary">
            Use key
          </button>
        </div>
      </form>
    </div>
  );
}
