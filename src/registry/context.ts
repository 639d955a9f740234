import type { FlowpadDB } from '../storage';

/** What every registry operation works on. */
export interface RegistryContext {
  db: FlowpadDB;
  /** `user_id` of new versions; MLflow's open-source server leaves it empty, and so do we by default. */
  userId: string;
}
