import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QuickCapture } from './features/capture/quick-capture';
import { SessionGate } from './features/session/session-gate';
import './styles/base.css';

const root = document.getElementById('root');
if (root === null) throw new Error('capture.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SessionGate>
      <QuickCapture />
    </SessionGate>
  </StrictMode>,
);
