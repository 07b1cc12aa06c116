import { useState, type FormEvent } from 'react';
import { useSessionStore } from './session-store';
import './sign-in.css';

/** Shown in a browser without a valid token. Calm: nothing is wrong, Cairn just needs a key. */
export function SignIn() {
  const status = useSessionStore((state) => state.status);
  const notice = useSessionStore((state) => state.notice);
  const signInWithToken = useSessionStore((state) => state.signInWithToken);
  const retry = useSessionStore((state) => state.retry);
  const [token, setToken] = useState('');
  const isChecking = status === 'checking';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void signInWithToken(token).then(() => setToken(''));
  }

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>Sign in to Cairn</h1>
        <p>
          When Cairn starts, it prints a one-time link in the terminal that reads{' '}
          <em>“Open Cairn (one-time link, valid 10 minutes)”</em>. Open that link in this browser and you are in.
        </p>
        <p>Or paste your API token here. Cairn keeps it in this browser only.</p>
        {notice !== undefined && (
          <p role="alert" className="sign-in-notice">
            {notice}
          </p>
        )}
        {status === 'unreachable' && (
          <button type="button" className="button" onClick={() => void retry()}>
            Try again
          </button>
        )}
        <form className="sign-in-form" onSubmit={onSubmit}>
          <label htmlFor="api-token" className="field-label">
            API token
          </label>
          <input
            id="api-token"
            type="password"
            className="text-input"
            value={token}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            onChange={(event) => setToken(event.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={isChecking}>
            {isChecking ? 'Checking…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
