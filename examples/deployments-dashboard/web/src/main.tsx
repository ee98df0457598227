// Mounts the dashboard page: a heading and the top deployments widget.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TopDeployments } from './TopDeployments.tsx';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to mount the dashboard in');

createRoot(container).render(
  <StrictMode>
    <main className="dashboard">
      <h1>Deployments</h1>
      <TopDeployments />
    </main>
  </StrictMode>,
);
