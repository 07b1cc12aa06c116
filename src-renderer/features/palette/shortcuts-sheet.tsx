import { SHORTCUT_GROUPS } from '../../app/shortcut-list';
import { Modal } from '../../ui/modal';
import { useOverlayStore } from './overlay-store';
import './palette.css';

/** "?" shows every keyboard shortcut, grouped. */
export function ShortcutsSheet() {
  const close = useOverlayStore((state) => state.close);
  return (
    <Modal label="Keyboard shortcuts" className="shortcuts-sheet" onClose={close}>
      <header className="sheet-header">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="button" autoFocus onClick={close}>
          Close
        </button>
      </header>
      <div className="sheet-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.items.map((item) => (
                <div key={item.does} className="sheet-row">
                  <dt>
                    {item.keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 && <span className="sheet-plus">{item.keys[0] === 'G' ? ' then ' : '+'}</span>}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{item.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
