import { adviceFor, specificsFor, type CairnError } from '../api/errors';

/** A failure in words a person understands, plus what exactly was wrong when the server knows. */
export function ErrorMessage({ error, className }: { error: CairnError; className?: string }) {
  const specifics = specificsFor(error);
  return (
    <p role="alert" className={['error-message', className].filter(Boolean).join(' ')}>
      {adviceFor(error)}
      {specifics !== undefined && <span className="error-specifics"> {specifics}</span>}
    </p>
  );
}
