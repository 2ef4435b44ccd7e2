import { NavLink, useParams } from 'react-router';
import { useDistributedEdges, useServices } from '../api/queries';
import { QueryState } from '../components/query-state';
import { GlobalRacesTab } from '../views/insights/global-races-tab';
import { HealthTab } from '../views/insights/health-tab';
import { HotspotsTab } from '../views/insights/hotspots-tab';
import { OverviewTab } from '../views/insights/overview-tab';
import { PerformanceTab } from '../views/insights/performance-tab';
import { ServiceDependencyGraph } from '../views/service-dependency-graph';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'races', label: 'Global races' },
  { id: 'hotspots', label: 'Hotspots' },
  { id: 'performance', label: 'Performance' },
  { id: 'health', label: 'Health' },
  { id: 'dependency-graph', label: 'Dependency graph' },
] as const;

function DependencyGraphTab() {
  const edges = useDistributedEdges();
  const services = useServices();
  return (
    <section className="panel">
      <QueryState query={edges} label="service edges">
        {(data) => (
          <ServiceDependencyGraph
            edges={data.edges}
            services={services.data?.services.map((s) => s.name) ?? []}
            height={600}
          />
        )}
      </QueryState>
    </section>
  );
}

/** System-wide views: global races, hotspots, performance, health, service graph. */
export function InsightsPage() {
  const { tab = 'overview' } = useParams();
  const current = TABS.some((t) => t.id === tab) ? tab : 'overview';
  return (
    <div className="page-fill">
      <div
        className="panel"
        style={{ borderRadius: 0, borderWidth: '0 0 1px 0', boxShadow: 'none' }}
      >
        <h1>System insights</h1>
      </div>
      <nav className="tabs" aria-label="Insights">
        {TABS.map((t) => (
          <NavLink key={t.id} to={`/insights/${t.id}`} className={t.id === current ? 'active' : ''}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <div className="page">
        {current === 'overview' && <OverviewTab />}
        {current === 'races' && <GlobalRacesTab />}
        {current === 'hotspots' && <HotspotsTab />}
        {current === 'performance' && <PerformanceTab />}
        {current === 'health' && <HealthTab />}
        {current === 'dependency-graph' && <DependencyGraphTab />}
      </div>
    </div>
  );
}
