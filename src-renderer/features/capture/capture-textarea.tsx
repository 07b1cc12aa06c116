import type { Ref } from 'react';
import type { CaptureStore } from './capture-store';
import { useCaptureKeys } from './use-capture-keys';

export interface CaptureTextareaProps {
  store: CaptureStore;
  id: string;
  /** The accessible name; visually hidden because the placeholder says the same. */
  label: string;
  placeholder: string;
  describedBy: string;
  className: string;
  onEscape(textarea: HTMLTextAreaElement): void;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/** The one field both capture surfaces share: draft bound to the store, Enter saves. */
export function CaptureTextarea(props: CaptureTextareaProps) {
  const { store } = props;
  const draft = store((state) => state.draft);
  const isSaving = store((state) => state.isSaving);
  const setDraft = store((state) => state.setDraft);
  const onKeyDown = useCaptureKeys(store, props.onEscape);
  return (
    <>
      <label htmlFor={props.id} className="visually-hidden">
        {props.label}
      </label>
      <textarea
        id={props.id}
        ref={props.inputRef}
        className={props.className}
        value={draft}
        rows={2}
        placeholder={props.placeholder}
        aria-describedby={props.describedBy}
        aria-busy={isSaving}
        autoFocus
        spellCheck
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </>
  );
}
