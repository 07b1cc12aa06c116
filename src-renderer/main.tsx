import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workspace } from './app/workspace';
import { SessionGate } from './features/session/session-gate';
import './styles/base.css';
import './app/workspace.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SessionGate>
      <Workspace />
    </SessionGate>
  </StrictMode>,
);
