import { HashRouter, Route } from '@solidjs/router';
import { render } from 'solid-js/web';
import { AppShell } from './components/AppShell';
import { ExperimentPage } from './routes/ExperimentPage';
import { ExperimentsPage } from './routes/ExperimentsPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { RunsPage } from './routes/RunsPage';
import { exposeDebugHandle } from './debug-handle';
import './app.css';
import './controls.css';

/** Hash routes, so a static host and the service worker's navigation fallback serve every deep link. */
export function App() {
  return (
    <HashRouter root={AppShell}>
      <Route path="/" component={ExperimentsPage} />
      <Route path="/experiments/:id" component={ExperimentPage} />
      <Route path="/runs" component={RunsPage} />
      <Route path="*" component={NotFoundPage} />
    </HashRouter>
  );
}

/** Renders the app into `#root` of index.html. */
export function mountApp(): () => void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  exposeDebugHandle();
  return render(() => <App />, root);
}
