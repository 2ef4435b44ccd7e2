import { isWriteAccess } from '../model/event-kind';
import { ValueText } from './value-text';

/** What an access did to its variable: `old → new` for a write, `read value` for a read. */
export function ValueChange({
  access,
}: {
  access: { access_type: string; old_value?: unknown; new_value?: unknown };
}) {
  return (
    <div className="value-change" style={{ marginBottom: 8 }}>
      {isWriteAccess(access.access_type) ? (
        <>
          <ValueText value={access.old_value} /> → <ValueText value={access.new_value} />
        </>
      ) : (
        <>
          read <ValueText value={access.new_value} />
        </>
      )}
    </div>
  );
}
