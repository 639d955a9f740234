import { HashRouter, Route } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { AppShell } from './components/AppShell';
import { ExperimentPage } from './routes/ExperimentPage';
import { ExperimentsPage } from './routes/ExperimentsPage';
import { NotFoundPage } from './routes/NotFoundPage';
import './app.css';

// The training page brings uPlot and the training form; loaded when first visited.
const TrainPage = lazy(() => import('./routes/TrainPage').then((m) => ({ default: m.TrainPage })));

/** Hash routes, so a static host and the service worker's navigation fallback serve every deep link. */
export function App() {
  return (
    <HashRouter root={AppShell}>
      <Route path="/" component={ExperimentsPage} />
      <Route path="/experiments/:id" component={ExperimentPage} />
      <Route path="/train" component={TrainPage} />
      <Route path="*" component={NotFoundPage} />
    </HashRouter>
  );
}

/** Renders the app into `#root` of index.html. */
export function mountApp(): () => void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  return render(() => <App />, root);
}
