import { A, type RouteSectionProps, useLocation } from '@solidjs/router';
import { ErrorBoundary } from 'solid-js';
import { ErrorPanel } from './ErrorPanel';
import { Logo } from './Logo';
import { DatabaseGuard, UpdatePrompt } from './UpdateNotices';

/** Top bar and content column around every route. A bug in a page lands in the page's ErrorBoundary. */
export function AppShell(props: RouteSectionProps) {
  const location = useLocation();
  const inExperiments = () =>
    location.pathname === '/' || location.pathname === '/runs' || location.pathname.startsWith('/experiments/');
  const inServe = () => location.pathname === '/serve' || location.pathname.endsWith('/serve');
  const inModels = () => !inServe() && (location.pathname === '/models' || location.pathname.startsWith('/models/'));
  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => {
        e.preventDefault(); // a hash link would be taken as a route
        document.getElementById('main')?.focus();
      }}>
        Skip to content
      </a>
      <header class="topbar">
        <div class="topbar-inner">
          <A href="/" class="brand" aria-label="Flowpad home">
            <Logo />
            <span>Flowpad</span>
          </A>
          <nav aria-label="Main">
            {/* Experiment pages belong to the Experiments section too; the not-found page to none. */}
            <A href="/" class="nav-link" classList={{ active: inExperiments() }}>
              Experiments
            </A>
            <A href="/models" class="nav-link" classList={{ active: inModels() }}>
              Models
            </A>
            <A href="/train" class="nav-link" activeClass="active">
              Train
              </A>
            <A href="/serve" class="nav-link" classList={{ active: inServe() }}>
              Serve
            </A>
            <A href="/storage" class="nav-link" activeClass="active">Storage</A>
            <A href="/import" class="nav-link" activeClass="active">Import</A>
            <A href="/sync" class="nav-link" activeClass="active">Sync</A>
          </nav>
          <span class="topbar-note" title="All data stays in this browser's storage">Local · works offline</span>
        </div>
      </header>
      <main id="main" class="content" tabindex="-1">
        <DatabaseGuard>
          <ErrorBoundary fallback={(err, reset) => <ErrorPanel error={err} onRetry={reset} />}>
            {props.children}
          </ErrorBoundary>
        </DatabaseGuard>
      </main>
      <UpdatePrompt />
    </>
  );
}
