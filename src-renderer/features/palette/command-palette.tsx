import { useMemo, useState, type KeyboardEvent } from 'react';
import { Modal } from '../../ui/modal';
import { appCommands } from './app-commands';
import { useOverlayStore } from './overlay-store';
import { rankCommands, type Command } from './rank-commands';
import './palette.css';

const LIST_ID = 'palette-list';
const optionId = (command: Command) => `palette-${command.id.replace(/[^a-z0-9-]/gi, '-')}`;

/** Ctrl/Cmd+K: type a few letters of any action, arrows to choose, Enter to do it. */
export function CommandPalette() {
  const close = useOverlayStore((state) => state.close);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => rankCommands(appCommands(query), query), [query]);
  const current = matches[Math.min(active, matches.length - 1)];

  function run(command: Command): void {
    close();
    // After the dialog gave focus back, so the command can move it where it wants.
    requestAnimationFrame(() => void command.run());
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const moves: Partial<Record<string, number>> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + 5,
      PageUp: active - 5,
    };
    const target = moves[event.key];
    if (target !== undefined && matches.length > 0) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(matches.length - 1, target)));
    } else if (event.key === 'Enter' && current !== undefined) {
      event.preventDefault();
      run(current);
    }
  }

  let lastGroup = '';
  return (
    <Modal label="Command palette" className="palette" onClose={close}>
      <input
        className="palette-input"
        type="text"
        role="combobox"
        aria-label="Type a command"
        aria-expanded="true"
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={current === undefined ? undefined : optionId(current)}
        placeholder="Type a command or search…"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={LIST_ID} role="listbox" aria-label="Commands" className="palette-list">
        {matches.map((command) => {
          const showGroup = command.group !== lastGroup && query.trim() === '';
          lastGroup = command.group;
          const selected = command === current;
          return (
            <li
              key={command.id}
              id={optionId(command)}
              role="option"
              aria-selected={selected}
              className={showGroup ? 'palette-option palette-group-start' : 'palette-option'}
              data-group={showGroup ? command.group : undefined}
              onMouseMove={() => setActive(matches.indexOf(command))}
              onClick={() => run(command)}
            >
              <span className="palette-title">
                {query.trim() !== '' && <span className="palette-group">{command.group} · </span>}
                {command.title}
              </span>
              {command.keys !== undefined && (
                <span className="palette-keys" aria-hidden="true">
                  {command.keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="palette-footer muted" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> run · <kbd>Esc</kbd> close
      </p>
    </Modal>
  );
}
