import { useEffect, type ReactNode } from 'react';
import { SignIn } from './sign-in';
import { useSessionStore } from './session-store';

/** Renders its children once Cairn accepts us; until then a quiet splash or the sign-in screen. */
export function SessionGate({ children }: { children: ReactNode }) {
  const status = useSessionStore((state) => state.status);
  const hasStarted = useSessionStore((state) => state.hasStarted);

  useEffect(() => {
    void useSessionStore.getState().start();
    // The printed link may be pasted into a tab that already shows the sign-in screen: only the
    // hash changes then, and the page does not reload.
    const onHashChange = () => {
      if (window.location.hash.startsWith('#login=')) void useSessionStore.getState().start();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  if (status === 'signed-in') return children;
  if (!hasStarted) {
    return (
      <main className="splash" aria-busy="true">
        <p>Opening Cairn…</p>
      </main>
    );
  }
  return <SignIn />;
}
