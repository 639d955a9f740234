import { HashRouter, Route } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { AppShell } from './components/AppShell';
import { ComparePage } from './routes/ComparePage';
import { RunArtifacts } from './routes/RunArtifacts';
import { RunMetrics } from './routes/RunMetrics';
import { RunOverview } from './routes/RunOverview';
import { RunPage } from './routes/RunPage';
import { ExperimentPage } from './routes/ExperimentPage';
import { ExperimentsPage } from './routes/ExperimentsPage';
import { CompareVersionsPage } from './routes/CompareVersionsPage';
import { ModelPage } from './routes/ModelPage';
import { ModelsPage } from './routes/ModelsPage';
import { ModelVersionPage } from './routes/ModelVersionPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { ServePage } from './routes/ServePage';
import { RunsPage } from './routes/RunsPage';
import { exposeDebugHandle } from './debug-handle';
import { StoragePage } from './routes/StoragePage';
import { ImportPage } from './routes/ImportPage';
import { SyncPage } from './routes/SyncPage';
import './app.css';
import './controls.css';

// The training page brings uPlot and the training form; loaded when first visited.
const TrainPage = lazy(() => import('./routes/TrainPage').then((m) => ({ default: m.TrainPage })));

/** Hash routes, so a static host and the service worker's navigation fallback serve every deep link. */
export function App() {
  return (
    <HashRouter root={AppShell}>
      <Route path="/" component={ExperimentsPage} />
      <Route path="/experiments/:id" component={ExperimentPage} />
      <Route path="/experiments/:expId/runs/:runId" component={RunPage}>
        <Route path="/" component={RunOverview} />
        <Route path="/metrics" component={RunMetrics} />
        <Route path="/artifacts/*path" component={RunArtifacts} />
      </Route>
      <Route path="/compare" component={ComparePage} />
      <Route path="/models" component={ModelsPage} />
      <Route path="/models/:name" component={ModelPage} />
      <Route path="/models/:name/versions/:version" component={ModelVersionPage} />
      <Route path="/models/:name/compare" component={CompareVersionsPage} />
      <Route path="/models/:name/versions/:version/serve" component={ServePage} />
      <Route path="/serve" component={ServePage} />
      <Route path="/runs" component={RunsPage} />
      <Route path="/storage" component={StoragePage} />
      <Route path="/import" component={ImportPage} />
      <Route path="/sync" component={SyncPage} />
      <Route path="/train" component={TrainPage} />
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
