import { adviceFor, specificsFor, type CairnError } from '../api/errors';

/**
 * A failure in words a person understands, plus what exactly was wrong when the server knows.
 * `advice` replaces the generic words where the context knows better ("conflict" means something
 * else for a task suggestion than for an edit).
 */
export function ErrorMessage({ error, className, advice }: { error: CairnError; className?: string; advice?: string }) {
  const specifics = specificsFor(error);
  return (
    <p role="alert" className={['error-message', className].filter(Boolean).join(' ')}>
      {advice ?? adviceFor(error)}
      {specifics !== undefined && <span className="error-specifics"> {specifics}</span>}
    </p>
  );
}
