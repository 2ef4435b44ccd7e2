import { GLOBAL_SHORTCUTS } from './shortcuts';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <div
      className="modal-backdrop"
      role="dialog"
      aria-modal="true"
      aria-labelledby="shortcuts-title"
      onClick={onClose}
    >
      <div className="modal" onClick={(e) => e.stopPropagation()}>
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h1 id="shortcuts-title">Keyboard shortcuts</h1>
          <button onClick={onClose} aria-label="Close">
            Esc
          </button>
        </div>
        <table className="data" style={{ marginTop: 8 }}>
          <tbody>
            {GLOBAL_SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td style={{ width: 160 }}>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
